using System.Diagnostics;
using System.Diagnostics.Metrics;
using Connectivity.Outbox;

namespace Connectivity.Diagnostics.Internal;

/// <summary>The delivery instruments: one meter and one activity source named <see cref="ConnectivityDiagnostics"/>.</summary>
internal static class DeliveryTelemetry
{
    public static ActivitySource ActivitySource => ConnectivityTelemetry.ActivitySource;

    public static Meter Meter => ConnectivityTelemetry.Meter;

    private static readonly Counter<long> Claimed = Meter.CreateCounter<long>("connectivity.outbox.claimed", "{message}", "Messages claimed by a dispatcher under a lease.");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("connectivity.outbox.delivered", "{message}", "Messages delivered to their destination.");
    private static readonly Counter<long> Retried = Meter.CreateCounter<long>("connectivity.outbox.retried", "{message}", "Failed deliveries scheduled for another attempt.");
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("connectivity.outbox.dead_lettered", "{message}", "Messages moved to the dead letters.");
    private static readonly Counter<long> LeasesLost = Meter.CreateCounter<long>("connectivity.outbox.leases_lost", "{message}", "Completions refused because another dispatcher took the message over.");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("connectivity.delivery.duplicates_absorbed", "{message}", "Duplicate deliveries or requests absorbed by the inbox or the idempotency store.");

    private static long _pending;
    private static double _oldestPendingAgeSeconds;

    static DeliveryTelemetry()
    {
        Meter.CreateObservableGauge("connectivity.outbox.pending", static () => Interlocked.Read(ref _pending), "{message}", "Messages not yet delivered, in flight included, as last observed by a dispatcher.");
        Meter.CreateObservableGauge("connectivity.outbox.oldest_pending_age", static () => Volatile.Read(ref _oldestPendingAgeSeconds), "s", "Age of the oldest undelivered message, as last observed by a dispatcher.");
    }

    public static void RecordStatistics(OutboxStatistics statistics, DateTimeOffset observedAt)
    {
        Interlocked.Exchange(ref _pending, statistics.PendingCount);
        var age = statistics.OldestPendingCreatedAt is { } oldest ? Math.Max(0, (observedAt - oldest).TotalSeconds) : 0;
        Volatile.Write(ref _oldestPendingAgeSeconds, age);
    }

    public static void RecordClaimed(int count)
    {
        if (count > 0)
        {
            Claimed.Add(count);
        }
    }

    public static void RecordDelivered(string destination) => Delivered.Add(1, new KeyValuePair<string, object?>("destination", destination));

    public static void RecordRetried(string destination, string errorCode) =>
        Retried.Add(1, new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("error.code", errorCode));

    public static void RecordDeadLettered(string destination, string errorCode) =>
        DeadLettered.Add(1, new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("error.code", errorCode));

    public static void RecordLeaseLost(string destination) => LeasesLost.Add(1, new KeyValuePair<string, object?>("destination", destination));

    public static void DuplicateAbsorbed(string by, string? source = null) =>
        Duplicates.Add(1, new KeyValuePair<string, object?>("absorbed_by", by), new KeyValuePair<string, object?>("source", source));
}
