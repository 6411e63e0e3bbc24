namespace Connectivity.Mapping;

/// <summary>How <see cref="CompiledMap"/> streams records from NDJSON or a large JSON array.</summary>
public sealed class MapStreamOptions
{
    /// <summary>Gets or sets the path of the record array inside a JSON envelope, for example <c>records</c>, <c>value</c> or <c>d.results</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the document itself is the array.</value>
    public string? ArrayPath { get; set; }

    /// <summary>Gets or sets the largest record read; a larger one fails with <see cref="MappingErrorCodes.RecordTooLarge"/>.</summary>
    /// <value>The default value is 16 MiB.</value>
    public int MaxRecordBytes { get; set; } = MapConstants.DefaultMaxRecordBytes;

    /// <summary>Gets or sets who hears how far the stream has got, about once per <see cref="ProgressInterval"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IProgress<MapStreamSummary>? Progress { get; set; }

    /// <summary>Gets or sets how often <see cref="Progress"/> hears.</summary>
    /// <value>The default value is one second.</value>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
