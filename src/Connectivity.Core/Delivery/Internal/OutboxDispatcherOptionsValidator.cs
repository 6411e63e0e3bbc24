using Microsoft.Extensions.Options;

namespace Connectivity.Delivery.Internal;

internal sealed class OutboxDispatcherOptionsValidator : IValidateOptions<OutboxDispatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxDispatcherOptions options)
    {
        var failures = new List<string>();
        if (options.Owner is not null && string.IsNullOrWhiteSpace(options.Owner))
        {
            failures.Add("Owner must be null or a non-empty name.");
        }

        if (options.BatchSize <= 0)
        {
            failures.Add("BatchSize must be positive.");
        }

        if (options.MaxConcurrentDeliveries <= 0)
        {
            failures.Add("MaxConcurrentDeliveries must be positive.");
        }

        if (options.LeaseDuration < OutboxDispatcherConstants.MinLeaseDuration || options.LeaseDuration > OutboxDispatcherConstants.MaxLeaseDuration)
        {
            // Leases are renewed every third of their duration, on a timer that takes periods from 1 ms to about 49 days.
            failures.Add($"LeaseDuration must be between {OutboxDispatcherConstants.MinLeaseDuration} and {OutboxDispatcherConstants.MaxLeaseDuration}.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("PollInterval must be positive.");
        }

        if (options.MaxAttempts <= 0)
        {
            failures.Add("MaxAttempts must be positive.");
        }

        if (options.PermanentFailureMaxAttempts <= 0 || options.PermanentFailureMaxAttempts > options.MaxAttempts)
        {
            failures.Add("PermanentFailureMaxAttempts must be between 1 and MaxAttempts.");
        }

        if (options.BaseRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.BaseRetryDelay)
        {
            failures.Add("BaseRetryDelay must be positive and no longer than MaxRetryDelay.");
        }

        if (options.ReplayHorizon < TimeSpan.Zero || options.DeliveredRetention < TimeSpan.Zero)
        {
            failures.Add("ReplayHorizon and DeliveredRetention must not be negative.");
        }

        if (options.CleanupBatchSize <= 0 || options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add("CleanupBatchSize and CleanupInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
