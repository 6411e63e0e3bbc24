using System.Net.Http.Headers;
using System.Threading.Channels;
using Connectivity.Connectors.Webhooks;

namespace Connectivity.Testing.Simulators.Internal;

/// <summary>
/// Sends webhook events to the subscribers: one background loop per subscriber, in order, with retries and
/// exponential back-off, and with the duplicate and reorder faults. A subscriber whose target is down holds up
/// only its own queue.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _clock;
    private readonly int _maxAttempts;
    private readonly TimeSpan _initialBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly IWebhookFaultSource _faults;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];
    private long _pending;
    private long _delivered;
    private long _duplicated;
    private long _failed;
    private long _attempts;

    public WebhookDispatcher(SimulatorOptions options, IWebhookFaultSource faults)
    {
        _clock = options.TimeProvider;
        _maxAttempts = options.WebhookMaxAttempts;
        _initialBackoff = options.WebhookInitialBackoff;
        _maxBackoff = options.WebhookMaxBackoff;
        _faults = faults;
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = options.WebhookTimeout };
    }

    public long Pending => Interlocked.Read(ref _pending);

    public WebhookCounters Counters => new()
    {
        Delivered = Interlocked.Read(ref _delivered),
        Duplicated = Interlocked.Read(ref _duplicated),
        Failed = Interlocked.Read(ref _failed),
        Attempts = Interlocked.Read(ref _attempts),
        Pending = Interlocked.Read(ref _pending),
    };

    public void Subscribe(Uri target, string secret)
    {
        var subscriber = new Subscriber(target, new StandardWebhooksSigner(secret));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            _subscribers.Add(subscriber);
            subscriber.Loop = Task.Run(() => RunAsync(subscriber));
        }
    }

    /// <summary>Queues an event for every subscriber. Called under the owning system's lock, so events queue in change order.</summary>
    public void Enqueue(WebhookEvent webhookEvent)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                Interlocked.Increment(ref _pending);
                subscriber.Queue.Writer.TryWrite(webhookEvent);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] loops;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            loops = [.. _subscribers.Select(s => s.Loop!)];
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(Subscriber subscriber)
    {
        var reader = subscriber.Queue.Reader;
        var held = new List<(WebhookEvent Event, long ReleaseAt)>();
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (reader.TryRead(out var next))
                {
                    await ProcessAsync(subscriber, next, held, token).ConfigureAwait(false);
                    continue;
                }

                if (held.Count == 0)
                {
                    await reader.WaitToReadAsync(token).ConfigureAwait(false);
                    continue;
                }

                var now = Environment.TickCount64;
                var due = held.FindIndex(h => h.ReleaseAt <= now);
                if (due >= 0)
                {
                    var release = held[due].Event;
                    held.RemoveAt(due);
                    await SendAsync(subscriber, release, token).ConfigureAwait(false);
                    continue;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(TimeSpan.FromMilliseconds(held.Min(h => h.ReleaseAt) - now));
                try
                {
                    await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // The earliest held event is due.
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ProcessAsync(Subscriber subscriber, WebhookEvent webhookEvent, List<(WebhookEvent Event, long ReleaseAt)> held, CancellationToken token)
    {
        var earlier = held.FindIndex(h => h.Event.RecordKey == webhookEvent.RecordKey);
        if (earlier >= 0)
        {
            var overtaken = held[earlier].Event;
            held.RemoveAt(earlier);
            await SendAsync(subscriber, webhookEvent, token).ConfigureAwait(false);
            _faults.CountReordered();
            await SendAsync(subscriber, overtaken, token).ConfigureAwait(false);
            return;
        }

        if (_faults.ShouldHoldBack(out var hold))
        {
            held.Add((webhookEvent, Environment.TickCount64 + (long)hold.TotalMilliseconds));
            return;
        }

        await SendAsync(subscriber, webhookEvent, token).ConfigureAwait(false);
    }

    private async Task SendAsync(Subscriber subscriber, WebhookEvent webhookEvent, CancellationToken token)
    {
        try
        {
            if (await SendWithRetriesAsync(subscriber, webhookEvent, token).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _delivered);
                if (_faults.ShouldDuplicate() && await SendWithRetriesAsync(subscriber, webhookEvent, token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _duplicated);
                }
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task<bool> SendWithRetriesAsync(Subscriber subscriber, WebhookEvent webhookEvent, CancellationToken token)
    {
        var backoff = _initialBackoff;
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            if (await TrySendAsync(subscriber, webhookEvent, token).ConfigureAwait(false))
            {
                return true;
            }

            if (attempt < _maxAttempts)
            {
                await Task.Delay(backoff, token).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _maxBackoff.Ticks));
            }
        }

        return false;
    }

    private async Task<bool> TrySendAsync(Subscriber subscriber, WebhookEvent webhookEvent, CancellationToken token)
    {
        Interlocked.Increment(ref _attempts);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Target);
        request.Content = new ByteArrayContent(webhookEvent.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var header in subscriber.Signer.CreateHeaders(webhookEvent.Id, _clock.GetUtcNow(), webhookEvent.Body))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        try
        {
            using var response = await _client.SendAsync(request, token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!token.IsCancellationRequested)
        {
            return false; // The attempt timed out.
        }
    }

    private sealed class Subscriber(Uri target, StandardWebhooksSigner signer)
    {
        public Uri Target { get; } = target;

        public StandardWebhooksSigner Signer { get; } = signer;

        public Channel<WebhookEvent> Queue { get; } = Channel.CreateUnbounded<WebhookEvent>(new UnboundedChannelOptions { SingleReader = true });

        public Task? Loop { get; set; }
    }
}
