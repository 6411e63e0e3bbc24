using Connectivity.Delivery;
using Microsoft.Extensions.Options;

namespace Connectivity.Idempotency.Internal;

/// <summary>Checks that an idempotency record outlives every retry and replay of the work it guards.</summary>
internal sealed class IdempotencyOptionsValidator(IOptions<OutboxDispatcherOptions> dispatcherOptions) : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        if (options.Expiry <= TimeSpan.Zero || options.InFlightTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Expiry and InFlightTimeout must be positive.");
        }

        if (options.InFlightTimeout >= options.Expiry)
        {
            return ValidateOptionsResult.Fail("InFlightTimeout must be shorter than Expiry.");
        }

        var dispatcher = dispatcherOptions.Value;
        var horizon = dispatcher.GetRetryHorizon() + dispatcher.ReplayHorizon;
        if (options.Expiry <= horizon)
        {
            return ValidateOptionsResult.Fail(
                $"IdempotencyOptions.Expiry ({options.Expiry}) must be longer than the dispatcher's retry horizon plus its replay horizon ({horizon}); " +
                "otherwise a retry or a replay could repeat work whose record has expired.");
        }

        return ValidateOptionsResult.Success;
    }
}
