namespace Connectivity.Mapping;

/// <summary>The outcome of mapping one record to an entity: the entity, or every error found in the record.</summary>
/// <typeparam name="TValue">The entity type.</typeparam>
public readonly struct MapRecordResult<TValue>
    where TValue : class
{
    private readonly IReadOnlyList<MapError>? _errors;

    internal MapRecordResult(TValue? value, IReadOnlyList<MapError>? errors)
    {
        Value = value;
        _errors = errors;
    }

    /// <summary>Gets whether the record was mapped.</summary>
    public bool Succeeded => Errors.Count == 0 && Value is not null;

    /// <summary>Gets the entity, when mapped.</summary>
    public TValue? Value { get; }

    /// <summary>Gets every error found in the record.</summary>
    public IReadOnlyList<MapError> Errors => _errors ?? [];
}
