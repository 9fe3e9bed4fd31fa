using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class SweepMemoryTests
{
    private static Scenario Grid(int levels, int replications) => new Scenario { Name = "grid" } with
    {
        Users = new UserSettings { Count = 100 },
        Sweep = new SweepSettings
        {
            Replications = replications,
            Parameters =
            [
                new SweepParameter { Path = "platform.scar", Values = Enumerable.Range(0, levels).Select(i => i / (double)levels).ToList() },
                new SweepParameter { Path = "platform.sensitivity", Values = Enumerable.Range(0, levels).Select(i => i / 100.0).ToList() },
            ],
        },
    };

    [Fact]
    public void Estimate_ManyRunsOfATinyWorld_CountsTheBookkeepingOfEveryRun()
    {
        // 1,000 x 1,000 points x 5,000 replications = 5e9 runs: the journal index alone is 8 bytes a run.
        var plan = SweepPlan.Build(Grid(1_000, 5_000));

        var estimate = SweepMemory.Estimate(plan, workers: 2);

        Assert.Equal(5_000_000_000L, plan.RunCount);
        Assert.Equal(5_000_000_000L * 8 + 5_000_000_000L * 3 / 8 + 1_000_000L * (64 + 16), estimate.BookkeepingBytes);
        var refusal = estimate.Refusal(availableBytes: 24_000_000_000, "this sweep");
        Assert.InRange(estimate.TotalBytes, 41_955_000_000L, 42_200_000_000L);
        Assert.StartsWith($"this sweep needs about {MemoryEstimate.Gigabytes(estimate.TotalBytes)}, most of it to keep track of its runs; 24.0 GB is available", refusal);
    }

    [Fact]
    public void Estimate_SmallSweep_BookkeepingIsSmallAndFits()
    {
        var estimate = SweepMemory.Estimate(SweepPlan.Build(Grid(10, 4)), workers: 2);

        Assert.Equal(400L * 8 + 400L * 3 / 8 + 100L * (64 + 16), estimate.BookkeepingBytes);
        Assert.Null(estimate.Refusal(availableBytes: 1_000_000_000, "this sweep"));
    }
}
