namespace Connectivity.Mapping;

/// <summary>The outcome of mapping one record: success, or every error found in it. Allocates nothing on success.</summary>
public readonly struct MapRecordResult
{
    private readonly IReadOnlyList<MapError>? _errors;

    internal MapRecordResult(IReadOnlyList<MapError>? errors)
    {
        _errors = errors;
    }

    /// <summary>Gets whether the record was mapped; when <see langword="false"/>, nothing was written.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Gets every error found in the record.</summary>
    public IReadOnlyList<MapError> Errors => _errors ?? [];
}
