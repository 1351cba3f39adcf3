namespace HyperRepHub.Grains.Operations;

/// <summary>Options of the operation worker pool and operation grains, section <c>HyperRepHub:Jobs</c>.</summary>
public sealed class OperationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "HyperRepHub:Jobs";

    /// <summary>
    /// Operations whose handlers run at once on this silo; others wait as Pending. Default 1, because one
    /// TorchSharp job already uses every core through libtorch's intra-op thread pool.
    /// </summary>
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>
    /// How often a running operation writes its latest progress to grain state and keeps its grain alive.
    /// Default 5 seconds. Watchers get progress as it is reported, not at this interval.
    /// </summary>
    public TimeSpan ProgressFlushPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Period of the reminder that restarts an interrupted operation on whichever silo hosts its grain after a
    /// failure. Default 1 minute, the smallest period Orleans reminders accept by default.
    /// </summary>
    public TimeSpan ResumeReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checkpoints kept per operation; older ones are deleted after a newer one is saved. Default 2.</summary>
    public int CheckpointsKept { get; set; } = 2;
}
