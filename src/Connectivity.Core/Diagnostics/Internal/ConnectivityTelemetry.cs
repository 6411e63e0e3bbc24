using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connectivity.Diagnostics.Internal;

/// <summary>The one <see cref="Meter"/> and <see cref="ActivitySource"/> every Connectivity feature reports to, named as <see cref="ConnectivityDiagnostics"/> says.</summary>
internal static class ConnectivityTelemetry
{
    private static readonly string? Version = typeof(ConnectivityTelemetry).Assembly.GetName().Version?.ToString();

    public static Meter Meter { get; } = new(ConnectivityDiagnostics.MeterName, Version);

    public static ActivitySource ActivitySource { get; } = new(ConnectivityDiagnostics.ActivitySourceName, Version);
}
