namespace Connectivity.Retention;

/// <summary>Options of the retention purge (<see cref="RetentionPurger"/> and its hosted service).</summary>
public sealed class RetentionPurgeOptions
{
    /// <summary>Gets or sets how often the hosted service purges (1 ms to 30 days); the first run is one interval after start.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many records one delete removes at most, so no store is locked for long.</summary>
    /// <value>The default value is 1,000.</value>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Gets or sets how many batches one run deletes from one store at most; the rest waits for the next run.</summary>
    /// <value>The default value is 100.</value>
    public int MaxBatchesPerStore { get; set; } = 100;
}
