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
    public void EventBytes_TypedEventRecord_CoversItWithTheListsAverageSlack()
    {
        Assert.Equal(72, System.Runtime.CompilerServices.Unsafe.SizeOf<TrustSim.Engine.EventRecord>());
        Assert.True(1.5 * System.Runtime.CompilerServices.Unsafe.SizeOf<TrustSim.Engine.EventRecord>() <= MemoryEstimate.EventBytes);
    }

    [Fact]
    public void TotalBytes_FourWorkersOfTenReplications_AddsWorldsResultsAndOverhead()
    {
        var estimate = MemoryEstimate.For(Sized(1_000_000, steps: 99), concurrentRuns: 4, keptRuns: 10);
        // The default 30 banks and 10 payment firms: 200 bytes each in a world; held, 220 bytes of
        // outcome each and ceil(40 x 99 x 1/13 x 0.213) = 65 mode switches of 136 bytes.
        long institutions = 40 * 200;
        long recorded = 100 * MemoryEstimate.StepBytes + MemoryEstimate.EventBytesPerRun + 40 * 220 + 65 * 136;
        Assert.Equal(recorded, estimate.RecordedBytes);
        Assert.Equal(MemoryEstimate.RuntimeOverheadBytes + 4 * (9_000_000L + institutions) + 10 * recorded, estimate.TotalBytes);
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
        Assert.Equal(18_000_000L + 40 * MemoryEstimate.InstitutionBytesPerRun, estimate.PopulationBytes);
    }

    private static Scenario Institutions(int banks, int payments, int steps = 246, int replications = 1) => new()
    {
        Replications = replications,
        Time = new TimeSettings { Steps = steps },
        Users = new UserSettings { Count = 20_000 },
        Institutions = new InstitutionSettings { Generated = new GeneratedInstitutions { Banks = banks, Payments = payments } },
    };

    [Fact]
    public void InstitutionCount_GeneratedAndNamed_AllCounted()
    {
        var settings = new InstitutionSettings
        {
            Generated = new GeneratedInstitutions { Banks = 7, Payments = 3 },
            Named = [new NamedInstitution { Name = "a" }, new NamedInstitution { Name = "b" }],
        };

        Assert.Equal(12, MemoryEstimate.InstitutionCount(settings));
    }

    [Fact]
    public void ChangeChance_DefaultsAndTheLimits_FollowTheLogitChoice()
    {
        // x = exp(-0.3 / 0.15) = e^-2; 2x / (1 + 2x).
        Assert.Equal(0.21301, MemoryEstimate.ChangeChance(new InstitutionSettings()), 5);
        Assert.Equal(2.0 / 3, MemoryEstimate.ChangeChance(new InstitutionSettings { SwitchingCost = 0 }), 12);
        Assert.Equal(0.66600, MemoryEstimate.ChangeChance(new InstitutionSettings { ChoiceNoise = 100 }), 5);
        Assert.Equal(0, MemoryEstimate.ChangeChance(new InstitutionSettings { ChoiceNoise = 1e-6 }), 12);
    }

    [Fact]
    public void Events_HundredThousandBanksAndPayments_EveryReviewThatMayChangeTheMode()
    {
        var scenario = Institutions(100_000, 100_000) with
        {
            Shocks = [new ShockSpec(), new ShockSpec()],
            Interventions = [new InterventionSpec { Type = InterventionType.BanFullMode }],
        };

        // 200,000 x 246 steps x 1/13 reviews x 0.21301 = 806,175.9 switches; a ban moves all 200,000 once more; 3 scheduled x 2 lines.
        Assert.Equal(806_176 + 200_000 + 6, MemoryEstimate.Events(scenario));
    }

    [Fact]
    public void For_HundredThousandBanksAndPaymentsHundredReplications_CountsWorldsOutcomesAndSwitches()
    {
        var estimate = MemoryEstimate.For(Institutions(100_000, 100_000, replications: 100), concurrentRuns: 2, keptRuns: 100);

        long world = 20_000 * 9 + 200_000 * 200;
        long recorded = 247 * 240 + 262_144 + 200_000 * 220 + 806_176L * 136;
        Assert.Equal(200_000, estimate.Institutions);
        Assert.Equal(world, estimate.PopulationBytes);
        Assert.Equal(recorded, estimate.RecordedBytes);
        Assert.Equal(100_000_000 + 2 * world + 100 * recorded, estimate.TotalBytes);
        Assert.Equal(15.6, estimate.TotalBytes / 1e9, 1);
    }

    [Fact]
    public void Refusal_InstitutionsTakeMost_NamesInstitutionsAndReplications()
    {
        var estimate = MemoryEstimate.For(Institutions(100_000, 100_000, replications: 100), concurrentRuns: 2, keptRuns: 100);

        Assert.Equal("this run needs about 15.6 GB (2e5 institutions x 100 runs held, 2 workers); 8.0 GB is available: " +
                     "lower institutions.generated.banks, institutions.generated.payments, the replications or --workers",
            estimate.Refusal(8_000_000_000, "this run"));
    }

    [Theory]
    [InlineData(100_000, 20, 1, 1, 131)]
    [InlineData(100_000, 20, 8, 1, 299)]
    [InlineData(200_000, 20, 1, 1, 160)]
    [InlineData(200_000, 20, 8, 1, 500)]
    [InlineData(200_000, 246, 2, 1, 281)]
    [InlineData(200_000, 246, 6, 1, 594)]
    [InlineData(200_000, 246, 12, 2, 1_121)]
    public void For_MeasuredInstitutionRuns_AtLeastThePeakAndAtMostTwice(int institutions, int steps, int replications, int workers, int measuredMegabytes)
    {
        // Peak working sets of `trustsim run scenarios/baseline.yaml` (release build, /usr/bin/time -f %M), docs/reliability.md.
        var scenario = Institutions(institutions / 2, institutions / 2, steps, replications);

        var estimate = MemoryEstimate.For(scenario, Math.Min(workers, replications), replications);

        Assert.InRange(estimate.TotalBytes / 1e6, measuredMegabytes, 2 * measuredMegabytes);
    }
}
