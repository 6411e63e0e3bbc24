namespace Connectivity.Testing.Simulators.Internal;

/// <summary>The current <see cref="SimulatorFaults"/>, the request count, the seeded random source and the counters. Thread-safe.</summary>
internal sealed class FaultState : IWebhookFaultSource
{
    private readonly Lock _gate = new();
    private SimulatorFaults _faults = new();
    private Random _random = new(SimulatorConstants.DefaultSeed);
    private long _requests;
    private long _tooManyRequests;
    private long _serviceUnavailable;
    private long _slowed;
    private long _duplicated;
    private long _reordered;

    public SimulatorFaults Faults
    {
        get
        {
            lock (_gate)
            {
                return _faults;
            }
        }

        set
        {
            lock (_gate)
            {
                _faults = value;
                _random = new Random(value.Seed);
                _requests = 0;
            }
        }
    }

    public FaultCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new FaultCounters
                {
                    TooManyRequests = _tooManyRequests,
                    ServiceUnavailable = _serviceUnavailable,
                    Slowed = _slowed,
                    DuplicatedWebhooks = _duplicated,
                    ReorderedWebhooks = _reordered,
                };
            }
        }
    }

    public RequestFault NextRequest()
    {
        lock (_gate)
        {
            var faults = _faults;
            var request = ++_requests;
            var delay = TimeSpan.Zero;
            if (IsNth(request, faults.SlowEvery))
            {
                _slowed++;
                delay = faults.SlowDelay;
            }

            var status = 0;
            if (IsNth(request, faults.TooManyRequestsEvery))
            {
                _tooManyRequests++;
                status = 429;
            }
            else if (IsNth(request, faults.ServiceUnavailableEvery))
            {
                _serviceUnavailable++;
                status = 503;
            }

            return new RequestFault(status, faults.RetryAfterSeconds, delay);
        }
    }

    public bool ShouldDuplicate()
    {
        lock (_gate)
        {
            var hit = _faults.WebhookDuplicateRate > 0 && _random.NextDouble() < _faults.WebhookDuplicateRate;
            _duplicated += hit ? 1 : 0;
            return hit;
        }
    }

    public bool ShouldHoldBack(out TimeSpan hold)
    {
        lock (_gate)
        {
            hold = _faults.WebhookReorderHold;
            return _faults.WebhookReorderRate > 0 && _random.NextDouble() < _faults.WebhookReorderRate;
        }
    }

    public void CountReordered()
    {
        lock (_gate)
        {
            _reordered++;
        }
    }

    private static bool IsNth(long request, int every) => every > 0 && request % every == 0;
}
