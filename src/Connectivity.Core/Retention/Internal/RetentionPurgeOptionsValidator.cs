using Microsoft.Extensions.Options;

namespace Connectivity.Retention.Internal;

internal sealed class RetentionPurgeOptionsValidator : IValidateOptions<RetentionPurgeOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionPurgeOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMilliseconds(1) || options.Interval > TimeSpan.FromDays(30))
        {
            failures.Add("Interval must be between 1 millisecond and 30 days.");
        }

        if (options.BatchSize <= 0)
        {
            failures.Add("BatchSize must be positive.");
        }

        if (options.MaxBatchesPerStore <= 0)
        {
            failures.Add("MaxBatchesPerStore must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
