namespace Connectivity.Diagnostics;

/// <summary>
/// The names under which Connectivity emits traces and metrics. Add them to OpenTelemetry
/// (<c>AddSource(ConnectivityDiagnostics.ActivitySourceName)</c>, <c>AddMeter(ConnectivityDiagnostics.MeterName)</c>); no extra package is needed.
/// </summary>
public static class ConnectivityDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Connectivity";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Connectivity";
}
