using Microsoft.Extensions.Options;

namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>Rejects operation options that cannot work, naming the property.</summary>
internal sealed class OperationOptionsValidator : IValidateOptions<OperationOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrent < 1)
        {
            failures.Add($"HyperRepHub:Jobs:MaxConcurrent must be at least 1, but is {options.MaxConcurrent}.");
        }

        if (options.ProgressFlushPeriod <= TimeSpan.Zero)
        {
            failures.Add("HyperRepHub:Jobs:ProgressFlushPeriod must be positive.");
        }

        if (options.ResumeReminderPeriod <= TimeSpan.Zero)
        {
            failures.Add("HyperRepHub:Jobs:ResumeReminderPeriod must be positive.");
        }

        if (options.CheckpointsKept < 1)
        {
            failures.Add($"HyperRepHub:Jobs:CheckpointsKept must be at least 1, but is {options.CheckpointsKept}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
