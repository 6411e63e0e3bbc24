using System.Diagnostics.Metrics;

namespace Connectivity.Diagnostics.Internal;

/// <summary>The sync flow's instruments, on the one meter every Connectivity feature reports to.</summary>
internal static class SyncTelemetry
{
    private static Meter Meter => ConnectivityTelemetry.Meter;

    /// <summary>Incoming records processed, tagged with <c>outcome</c>, <c>entity.type</c> and <c>system</c>.</summary>
    public static Counter<long> Records { get; } = Meter.CreateCounter<long>(
        "connectivity.sync.records", "{record}", "Incoming records processed by the sync flow, by outcome.");

    /// <summary>Messages the flow put in the outbox, tagged with <c>entity.type</c>, <c>system</c> (the receiver) and <c>kind</c> (change, write_back, repair).</summary>
    public static Counter<long> Messages { get; } = Meter.CreateCounter<long>(
        "connectivity.sync.messages", "{message}", "Messages the sync flow put in the outbox, by receiving system.");

    /// <summary>Writes through a sync destination, tagged with <c>entity.type</c>, <c>system</c> and <c>result</c> (written, waiting_for_parent, failed).</summary>
    public static Counter<long> Writes { get; } = Meter.CreateCounter<long>(
        "connectivity.sync.writes", "{write}", "Writes of the sync flow to a target system, by result.");
}
