using Microsoft.Extensions.Options;

namespace Connectivity.Retention.Internal;

internal sealed class RetentionPurgeOptionsValidator : IValidateOptions<RetentionPurgeOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionPurgeOptions options)
    {
        var failures = new List<string>();
        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add("Interval must be positive.");
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
