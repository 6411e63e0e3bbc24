using Ardalis.GuardClauses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Connectivity.Retention;

/// <summary>
/// Deletes expired records from expiring stores. Registered with <c>AddRetentionPurge</c>, it purges the inbox
/// (<see cref="Inbox.IInboxStore"/>), the idempotency store (<see cref="Idempotency.IIdempotencyStore"/>), an echo fingerprint
/// store that expires its records, and any other <see cref="IExpiringStore"/> registered as such, on the hosted service's
/// interval; it can also be called. Thread-safe; one store's failure does not stop the others.
/// </summary>
public sealed partial class RetentionPurger
{
    private readonly List<IExpiringStore> _stores;
    private readonly IOptionsMonitor<RetentionPurgeOptions> _options;
    private readonly ILogger _logger;

    /// <summary>Initializes a new purger over <paramref name="stores"/> (each purged once, however often it is listed).</summary>
    /// <param name="stores">The stores.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stores"/>, one of them, or <paramref name="options"/> is <see langword="null"/>.</exception>
    public RetentionPurger(IEnumerable<IExpiringStore> stores, IOptionsMonitor<RetentionPurgeOptions> options, ILogger<RetentionPurger>? logger = null)
    {
        Guard.Against.Null(stores);
        _options = Guard.Against.Null(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _stores = [];
        foreach (var store in stores)
        {
            if (!_stores.Contains(Guard.Against.Null(store)))
            {
                _stores.Add(store);
            }
        }
    }

    /// <summary>Gets the stores this purger deletes from, each once.</summary>
    public IReadOnlyList<IExpiringStore> Stores => _stores;

    /// <summary>Deletes expired records from each store, in batches, up to the options' bounds.</summary>
    /// <param name="cancellationToken">A token to cancel the run.</param>
    /// <returns>One result per store.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<RetentionPurgeResult>> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        var results = new List<RetentionPurgeResult>(_stores.Count);
        foreach (var store in _stores)
        {
            var name = store.GetType().Name;
            var deleted = 0;
            var batches = 0;
            var moreLeft = false;
            Exception? error = null;
            try
            {
                int count;
                do
                {
                    count = await store.PurgeExpiredAsync(options.BatchSize, cancellationToken).ConfigureAwait(false);
                    deleted += count;
                    moreLeft = count >= options.BatchSize && ++batches == options.MaxBatchesPerStore;
                }
                while (count >= options.BatchSize && !moreLeft);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One store's failure (a locked or unreachable database) is logged and the others are still purged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex;
                LogFailed(_logger, name, deleted, ex);
            }

            if (error is null && deleted > 0)
            {
                LogPurged(_logger, name, deleted, moreLeft);
            }

            results.Add(new RetentionPurgeResult(name, deleted, moreLeft, error));
        }

        return results;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Retention purge deleted {Deleted} expired records from {Store} (more left: {MoreLeft}).")]
    private static partial void LogPurged(ILogger logger, string store, int deleted, bool moreLeft);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Retention purge of {Store} failed after deleting {Deleted} records; it is tried again on the next run.")]
    private static partial void LogFailed(ILogger logger, string store, int deleted, Exception exception);
}
