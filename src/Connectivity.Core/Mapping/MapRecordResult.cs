namespace Connectivity.Mapping;

/// <summary>The outcome of mapping one record: success, or every error found in it. Allocates nothing on success.</summary>
public readonly struct MapRecordResult
{
    internal MapRecordResult(IReadOnlyList<MapError>? errors)
    {
        Errors = errors ?? [];
    }

    /// <summary>Gets whether the record was mapped; when <see langword="false"/>, nothing was written.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Gets every error found in the record.</summary>
    public IReadOnlyList<MapError> Errors { get; }
}
