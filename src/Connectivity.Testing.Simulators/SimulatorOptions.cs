using Connectivity.Testing.Simulators.Internal;

namespace Connectivity.Testing.Simulators;

/// <summary>Options of a <see cref="SimulatedSystem"/>, read once by its constructor.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Gets or sets the name of the system, used in <c>/_sim/state</c> and in error messages.</summary>
    /// <value>The default value is <see langword="null"/>: <c>crm</c>, <c>erp</c> or <c>service</c> by system.</value>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets the clock of the record timestamps, of the webhook <c>timestamp</c> and of the signed
    /// <c>webhook-timestamp</c> header. Waits (webhook back-off, slow answers) always use real time: the
    /// simulator is a real server.
    /// </summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the bearer token the API requires; <see langword="null"/> accepts every request.</summary>
    /// <value>The default value is <see langword="null"/>. It can be changed later through <see cref="SimulatedSystem.BearerToken"/>.</value>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets how many times a webhook is sent before it counts as failed.</summary>
    /// <value>The default value is 20.</value>
    public int WebhookMaxAttempts { get; set; } = SimulatorConstants.DefaultWebhookMaxAttempts;

    /// <summary>Gets or sets the wait after the first failed attempt; it doubles with every further attempt.</summary>
    /// <value>The default value is 50 milliseconds.</value>
    public TimeSpan WebhookInitialBackoff { get; set; } = SimulatorConstants.DefaultWebhookInitialBackoff;

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan WebhookMaxBackoff { get; set; } = SimulatorConstants.DefaultWebhookMaxBackoff;

    /// <summary>Gets or sets how long one webhook attempt may take before it counts as a connection failure.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan WebhookTimeout { get; set; } = SimulatorConstants.DefaultWebhookTimeout;

    /// <summary>
    /// Gets or sets a file that keeps the system's records across restarts, or <see langword="null"/> (the default) to keep them in
    /// memory only. Every change is appended as one JSON line (flushed to the operating system at once, so a killed process loses
    /// nothing it acknowledged); the file is replayed when the system is created. Queued webhooks are not kept.
    /// </summary>
    public string? JournalPath { get; set; }
}
