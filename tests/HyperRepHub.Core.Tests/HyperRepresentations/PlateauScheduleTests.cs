using HyperRepHub.Core.HyperRepresentations.Training;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class PlateauScheduleTests
{
    [Fact]
    public void Step_Improvement_ResetsCounters()
    {
        var schedule = new PlateauSchedule(BestLoss: 1.0, EpochsSinceImprovement: 3, EpochsSincePlateauCheck: 2);

        var (next, improved, reduce) = schedule.Step(0.5, patience: 2);

        Assert.True(improved);
        Assert.False(reduce);
        Assert.Equal(0.5, next.BestLoss);
        Assert.Equal(0, next.EpochsSinceImprovement);
    }

    [Fact]
    public void Step_PlateauLongerThanPatience_ReducesOnceThenCountsAgain()
    {
        var schedule = PlateauSchedule.Initial.Step(1.0, patience: 2).Next;
        var reductions = new List<bool>();

        for (int epoch = 0; epoch < 6; epoch++)
        {
            var (next, _, reduce) = schedule.Step(1.0, patience: 2);
            reductions.Add(reduce);
            schedule = next;
        }

        Assert.Equal([false, false, true, false, false, true], reductions);
        Assert.Equal(6, schedule.EpochsSinceImprovement);
    }

    [Fact]
    public void Step_TinyImprovement_DoesNotCount()
    {
        var schedule = new PlateauSchedule(1.0, 0, 0);

        var (_, improved, _) = schedule.Step(0.99999, patience: 5);

        Assert.False(improved);
    }

    [Fact]
    public void Train_EarlyStoppingPatienceOne_StopsBeforeLastEpoch()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 40, EarlyStoppingPatience = 1, LearningRate = 0.5 };

        using var result = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();

        Assert.True(result.StoppedEarly);
        Assert.True(result.History.Count < 40);
    }
}
