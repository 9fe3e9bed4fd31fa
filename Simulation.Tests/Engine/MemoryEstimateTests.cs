using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Engine;

public sealed class MemoryEstimateTests
{
    private static Scenario Sized(int users, string influence = "institution", int degree = 8, int steps = 260) => new()
    {
        Time = new TimeSettings { Steps = steps },
        Users = new UserSettings
        {
            Count = users,
            Influence = influence == "network" ? InfluenceKind.Network : InfluenceKind.Institution,
            Network = new NetworkSettings { Degree = degree },
        },
    };

    [Fact]
    public void Population_InstitutionInfluence_IsNineBytesAUser()
    {
        Assert.Equal(9_000_000L, MemoryEstimate.Population(Sized(1_000_000).Users));
    }

    [Fact]
    public void Population_NetworkOfDegreeEight_CountsTheBuildPeak()
    {
        // 8 (concern, offset) + 12 (ring, offsets, fill) + 12 x 8 (edge lists, neighbours, trimmed copy) = 116 bytes a user.
        Assert.Equal(116_000_000L, MemoryEstimate.Population(Sized(1_000_000, "network", 8).Users));
    }

    [Fact]
    public void TotalBytes_FourWorkersOfTenReplications_AddsWorldsResultsAndOverhead()
    {
        var estimate = MemoryEstimate.For(Sized(1_000_000, steps: 99), concurrentRuns: 4, keptRuns: 10);
        long recorded = 100 * MemoryEstimate.StepBytes + MemoryEstimate.EventBytesPerRun;
        Assert.Equal(recorded, estimate.RecordedBytes);
        Assert.Equal(MemoryEstimate.RuntimeOverheadBytes + 4 * 9_000_000L + 10 * recorded, estimate.TotalBytes);
    }

    [Fact]
    public void Refusal_HundredMillionUsersOnFourWorkers_SaysSizeAvailableAndWhatToLower()
    {
        var estimate = MemoryEstimate.For(Sized(100_000_000, "network", 8), concurrentRuns: 4, keptRuns: 4);
        string? message = estimate.Refusal(11_000_000_000, "this run");
        Assert.NotNull(message);
        // 4 x 1e8 x 116 bytes + 100 MB + results: 46.5 GB.
        Assert.Equal("this run needs about 46.5 GB (1e8 users x 4 workers); 11.0 GB is available: " +
                     "lower users.count, users.network.degree or --workers", message);
    }

    [Fact]
    public void Refusal_EstimateWithinAvailable_IsNull()
    {
        var estimate = MemoryEstimate.For(Sized(1_000_000), 2, 2);
        Assert.Null(estimate.Refusal(estimate.TotalBytes, "this run"));
        Assert.NotNull(estimate.Refusal(estimate.TotalBytes - 1, "this run"));
    }

    [Fact]
    public void Estimate_SweepOverUserCount_IsJudgedByItsLargestPoint()
    {
        var scenario = Sized(1_000) with
        {
            Sweep = new SweepSettings
            {
                Replications = 3,
                Parameters = [new SweepParameter { Path = "users.count", Values = [1_000, 2_000_000, 50_000] }],
            },
        };
        var estimate = SweepMemory.Estimate(SweepPlan.Build(scenario), workers: 16);
        Assert.Equal(2_000_000, estimate.Users);
        Assert.Equal(9, estimate.ConcurrentRuns); // 3 points x 3 replications < 16 workers
        Assert.Equal(18_000_000L, estimate.PopulationBytes);
    }
}
