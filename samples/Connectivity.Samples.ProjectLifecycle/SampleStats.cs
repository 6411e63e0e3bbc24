using System.Diagnostics.Metrics;
using Connectivity.Diagnostics;
using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>What the run did, counted from the sync results and from the Connectivity meter (as OpenTelemetry would see it).</summary>
internal sealed class SampleStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _applied;
    private long _noChange;
    private long _echo;
    private long _stale;
    private long _duplicate;
    private long _invalid;
    private long _rejectedFields;
    private long _conflicts;
    private long _retried;
    private long _deadLettered;
    private long _delivered;
    private long _duplicatesAbsorbed;
    private long _waitedForParent;

    public SampleStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConnectivityDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            switch (instrument.Name)
            {
                case "connectivity.outbox.retried": Interlocked.Add(ref _retried, value); break;
                case "connectivity.outbox.dead_lettered": Interlocked.Add(ref _deadLettered, value); break;
                case "connectivity.outbox.delivered": Interlocked.Add(ref _delivered, value); break;
                case "connectivity.delivery.duplicates_absorbed": Interlocked.Add(ref _duplicatesAbsorbed, value); break;
                case "connectivity.sync.writes":
                    foreach (var tag in tags)
                    {
                        if (tag.Key == "result" && (string?)tag.Value == "waiting_for_parent")
                        {
                            Interlocked.Add(ref _waitedForParent, value);
                        }
                    }

                    break;
            }
        });
        _listener.Start();
    }

    public long Processed => Interlocked.Read(ref _applied) + Interlocked.Read(ref _noChange) + Interlocked.Read(ref _echo) + Interlocked.Read(ref _stale) + Interlocked.Read(ref _duplicate) + Interlocked.Read(ref _invalid);

    public long Applied => Interlocked.Read(ref _applied);

    public long Echoes => Interlocked.Read(ref _echo) + Interlocked.Read(ref _noChange);

    public long Stale => Interlocked.Read(ref _stale);

    public long DuplicateDeliveries => Interlocked.Read(ref _duplicatesAbsorbed) + Interlocked.Read(ref _duplicate);

    public long Invalid => Interlocked.Read(ref _invalid);

    public long RejectedFields => Interlocked.Read(ref _rejectedFields);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public long Retries => Interlocked.Read(ref _retried);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long WaitedForParent => Interlocked.Read(ref _waitedForParent);

    public void Record(SyncResult result)
    {
        switch (result.Outcome)
        {
            case SyncOutcome.Applied: Interlocked.Increment(ref _applied); break;
            case SyncOutcome.NoChange: Interlocked.Increment(ref _noChange); break;
            case SyncOutcome.Echo: Interlocked.Increment(ref _echo); break;
            case SyncOutcome.Stale: Interlocked.Increment(ref _stale); break;
            case SyncOutcome.Duplicate: Interlocked.Increment(ref _duplicate); break;
            case SyncOutcome.Invalid: Interlocked.Increment(ref _invalid); break;
        }

        if (result.Decision is { } decision)
        {
            Interlocked.Add(ref _rejectedFields, decision.Rejected.Count);
            Interlocked.Add(ref _conflicts, decision.Conflicts.Count);
        }
    }

    public void Dispose() => _listener.Dispose();
}
