using System.Diagnostics.Metrics;

namespace Connectivity.Diagnostics.Internal;

/// <summary>The ownership instruments, on the one meter every Connectivity feature reports to.</summary>
internal static class OwnershipTelemetry
{
    private static Meter Meter => ConnectivityTelemetry.Meter;

    /// <summary>Incoming records decided, tagged with <c>outcome</c> (changed, no_change, echo, stale), <c>entity.type</c> and <c>system</c>.</summary>
    public static Counter<long> ChangeDecisions { get; } = Meter.CreateCounter<long>(
        "connectivity.ownership.records", "{record}", "Incoming records decided by change detection, by outcome.");

    /// <summary>Changed fields decided, tagged with <c>decision</c> (accepted, rejected, conflict), <c>entity.type</c> and <c>system</c>.</summary>
    public static Counter<long> FieldDecisions { get; } = Meter.CreateCounter<long>(
        "connectivity.ownership.field_decisions", "{field}", "Changed fields decided by the ownership policy, by decision.");

    /// <summary>Conflicts recorded, tagged with <c>entity.type</c> and <c>system</c>.</summary>
    public static Counter<long> Conflicts { get; } = Meter.CreateCounter<long>(
        "connectivity.ownership.conflicts", "{conflict}", "Fields changed on both sides since the base that the policy could not settle.");
}
