using System.Net;
using Ardalis.GuardClauses;
using Connectivity.Testing.Simulators.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Connectivity.Testing.Simulators;

/// <summary>
/// A simulated vendor system: an HTTP API on Kestrel at <c>127.0.0.1</c> with an ephemeral port, in-memory
/// tables of JSON records, signed Standard Webhooks for every change, injectable faults and a
/// <c>/_sim/state</c> endpoint for checks. Thread-safe. See <see cref="SimulatedCrm"/>,
/// <see cref="SimulatedErp"/> and <see cref="SimulatedServicePlatform"/>.
/// </summary>
public abstract partial class SimulatedSystem : IAsyncDisposable
{
    private readonly FaultState _faults = new();
    private readonly WebhookDispatcher _webhooks;
    private WebApplication? _app;
    private Uri? _baseAddress;
    private int _disposed;

    private protected SimulatedSystem(string defaultName, IReadOnlyList<string> tables, SimulatorOptions options)
    {
        Guard.Against.Null(options);
        Guard.Against.Null(options.TimeProvider, nameof(options.TimeProvider));
        Guard.Against.NegativeOrZero(options.WebhookMaxAttempts, nameof(options.WebhookMaxAttempts));
        Guard.Against.Negative(options.WebhookInitialBackoff, nameof(options.WebhookInitialBackoff));
        Guard.Against.Negative(options.WebhookMaxBackoff, nameof(options.WebhookMaxBackoff));
        Guard.Against.NegativeOrZero(options.WebhookTimeout, nameof(options.WebhookTimeout));
        Name = options.Name is null ? defaultName : Guard.Against.NullOrWhiteSpace(options.Name, nameof(options.Name));
        BearerToken = options.BearerToken;
        Tables = tables;
        _clock = options.TimeProvider;
        _tables = tables.ToDictionary(static t => t, static _ => new Dictionary<string, StoredRecord>(StringComparer.Ordinal), StringComparer.Ordinal);
        _webhooks = new WebhookDispatcher(options, _faults);
        if (options.JournalPath is { } journal)
        {
            _journal = OpenJournal(Guard.Against.NullOrWhiteSpace(journal, nameof(options.JournalPath)));
        }
    }

    /// <summary>Gets the name of the system (<c>crm</c>, <c>erp</c>, <c>service</c> unless set in <see cref="SimulatorOptions.Name"/>).</summary>
    public string Name { get; }

    /// <summary>Gets the tables (objects, entity sets) of the system.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>Gets the address of the server, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    /// <exception cref="InvalidOperationException">The system has not been started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException($"The simulated system '{Name}' has not been started; call StartAsync first.");

    /// <summary>Gets the root of the vendor API, with a trailing slash, for example <c>http://127.0.0.1:5123/services/data/v60.0/</c>.</summary>
    /// <exception cref="InvalidOperationException">The system has not been started.</exception>
    public Uri ApiRoot => new(BaseAddress, ApiRootPath.TrimStart('/') + "/");

    /// <summary>Gets or sets the bearer token the API requires (<c>Authorization: Bearer &lt;token&gt;</c>, else 401); <see langword="null"/> accepts every request. Never applies to <c>/_sim/*</c>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// Gets or sets the faults to inject. Change the properties of the current instance at any time, or assign a
    /// new instance to restart the request count and the seeded random sequence.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public SimulatorFaults Faults
    {
        get => _faults.Faults;
        set => _faults.Faults = Guard.Against.Null(value);
    }

    /// <summary>Gets a snapshot of the faults injected so far.</summary>
    public FaultCounters FaultCounters => _faults.Counters;

    /// <summary>Gets a snapshot of the webhook deliveries so far.</summary>
    public WebhookCounters WebhookCounters => _webhooks.Counters;

    /// <summary>Gets the path of the vendor API below <see cref="BaseAddress"/>, starting with a slash.</summary>
    private protected abstract string ApiRootPath { get; }

    /// <summary>Starts the HTTP server on <c>127.0.0.1</c> with an ephemeral port.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the server listens; <see cref="BaseAddress"/> is then set.</returns>
    /// <exception cref="InvalidOperationException">The system has already been started.</exception>
    /// <exception cref="ObjectDisposedException">The system has been disposed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        WebApplication app;
        lock (_gate)
        {
            if (_app is not null)
            {
                throw new InvalidOperationException($"The simulated system '{Name}' has already been started.");
            }

            _app = app = CreateApplication();
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _baseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    /// <summary>
    /// Sends every later change to <paramref name="target"/> as a signed Standard Webhook. Any number of
    /// subscribers may be added; changes made before a subscription are not sent to it.
    /// </summary>
    /// <param name="target">The absolute http(s) address to POST to.</param>
    /// <param name="secret">The signing secret, <c>whsec_</c> followed by base64, or plain base64.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not an absolute http(s) URI, or <paramref name="secret"/> is blank or not base64.</exception>
    /// <exception cref="ObjectDisposedException">The system has been disposed.</exception>
    public void Subscribe(Uri target, string secret)
    {
        Guard.Against.InvalidWebhookTarget(target, nameof(target));
        Guard.Against.NullOrWhiteSpace(secret);
        _webhooks.Subscribe(target, secret);
    }

    /// <summary>Waits until every queued webhook has been delivered or given up, held-back ones included.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see langword="true"/> when the queue is empty; <see langword="false"/> when <paramref name="timeout"/> passed first.</returns>
    /// <exception cref="ArgumentException"><paramref name="timeout"/> is negative.</exception>
    public async Task<bool> WaitForWebhooksAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.Against.Negative(timeout);
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (_webhooks.Pending > 0)
        {
            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            await Task.Delay(SimulatorConstants.WaitPollInterval, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Stops the server and the webhook deliveries; queued webhooks are dropped.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _webhooks.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _journal?.Dispose();
            _journal = null;
        }

        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    private WebApplication CreateApplication()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatedSystem).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });

        // The host's appsettings.json and ASPNETCORE_* variables (URLs, Kestrel endpoints) are not the simulator's.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(static options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(HandleAsync);
        return app;
    }
}
