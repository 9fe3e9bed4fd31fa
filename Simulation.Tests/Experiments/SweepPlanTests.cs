using TrustSim.Analysis;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class SweepPlanTests
{
    private static Scenario WithGrid(params SweepParameter[] parameters) => new()
    {
        Name = "grid",
        Shocks = [new ShockSpec { Step = 10, Type = ShockType.Misuse, Severity = 0.3 }],
        Sweep = new SweepSettings { Design = SweepDesign.Grid, Replications = 3, Parameters = parameters },
    };

    [Fact]
    public void Build_TwoParameterGrid_HasEveryCombinationLastFastest()
    {
        var plan = SweepPlan.Build(WithGrid(
            new SweepParameter { Path = "scandals.rate", Values = [0, 1, 2, 4] },
            new SweepParameter { Path = "platform.scar", Min = 0, Max = 0.8, Count = 3 }));
        Assert.Equal(12, plan.Points.Count);
        Assert.Equal(36, plan.RunCount);
        Assert.Equal([0.0, 0.0], plan.Points[0].Values);
        Assert.Equal([0.0, 0.4], plan.Points[1].Values);
        Assert.Equal([4.0, 0.8], plan.Points[11].Values);
    }

    [Fact]
    public void Values_RangeByStepLogAndInteger_AreSpacedAsAsked()
    {
        Assert.Equal([1.0, 1.5, 2.0], GridDesign.Values(new SweepParameter { Min = 1, Max = 2, Step = 0.5 }));
        var log = GridDesign.Values(new SweepParameter { Min = 1, Max = 100, Count = 3, Log = true });
        Assert.Equal(10, log[1], 12);
        Assert.Equal([1.0, 3.0, 4.0], GridDesign.Values(new SweepParameter { Values = [1.2, 2.5, 4.4], Integer = true }));
    }

    [Fact]
    public void ScenarioAt_NestedPaths_AppliesValues()
    {
        var plan = SweepPlan.Build(WithGrid(
            new SweepParameter { Path = "shocks.0.severity", Values = [0.5, 0.9] },
            new SweepParameter { Path = "users.concern.alpha", Values = [3] }));
        var s = plan.ScenarioAt(plan.Points[1]).Scenario!;
        Assert.Equal(0.9, s.Shocks[0].Severity);
        Assert.Equal(3, s.Users.Concern.Alpha);
        Assert.Null(s.Sweep);
    }

    [Fact]
    public void Run_Ids_MapToPointAndReplicationWithDistinctSeeds()
    {
        var plan = SweepPlan.Build(WithGrid(new SweepParameter { Path = "scandals.rate", Values = [0, 1] }));
        var runs = Enumerable.Range(0, 6).Select(i => plan.Run(i)).ToArray();
        Assert.Equal((1, 2), (runs[5].Point, runs[5].Replication));
        Assert.Equal(6, runs.Select(r => r.Seed).Distinct().Count());
        Assert.Equal(plan.Run(4).Seed, SweepPlan.Build(WithGrid(new SweepParameter { Path = "scandals.rate", Values = [0, 1] })).Run(4).Seed);
    }

    [Fact]
    public void ScenarioAt_OutOfRangeValue_IsALocatedProblem()
    {
        var plan = SweepPlan.Build(WithGrid(new SweepParameter { Path = "platform.scar", Values = [1.5] }));
        var result = plan.ScenarioAt(plan.Points[0]);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains("platform.scar"));
    }

    [Fact]
    public void ScenarioAt_NumberKeysOfSections_PatchedToTheLoadersScenarioAtEveryPoint()
    {
        var scenario = WithGrid() with
        {
            Sweep = new SweepSettings
            {
                Design = SweepDesign.Random, Samples = 25, Replications = 1,
                Parameters =
                [
                    new SweepParameter { Path = "platform.scar", Min = 0, Max = 0.8 },
                    new SweepParameter { Path = "institutions.imitation", Min = 0, Max = 1 },
                    new SweepParameter { Path = "modes.limited.exposure", Min = 0, Max = 0.3 },
                ],
            },
        };
        var plan = SweepPlan.Build(scenario);
        string text = ScenarioWriter.ToYaml(scenario with { Sweep = null });

        Assert.True(plan.Patched);
        foreach (var point in plan.Points)
        {
            var overrides = plan.Parameters.Select((p, k) => $"{p.Path}={point.Values[k].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}").ToList();
            var loaded = ScenarioLoader.LoadText(text, "grid", overrides).Scenario!;
            Assert.Equal(ScenarioWriter.ToYaml(loaded), ScenarioWriter.ToYaml(plan.ScenarioAt(point).Scenario!));
        }
    }

    [Fact]
    public void ScenarioAt_PatchedPlanPointOutOfRange_IsTheLoadersLocatedProblem()
    {
        // Points 0, 2 and 4 check the patch against the loader; point 1 is out of platform.scar's range.
        var plan = SweepPlan.Build(WithGrid(new SweepParameter { Path = "platform.scar", Values = [0.2, 1.5, 0.4, 0.5, 0.6] }));

        Assert.True(plan.Patched);
        var result = plan.ScenarioAt(plan.Points[1]);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains("platform.scar = 1.5"));
        Assert.Equal(0.5, plan.ScenarioAt(plan.Points[3]).Scenario!.Platform.Scar);
    }

    private static Scenario WithDesign(SweepDesign design, int samples, ulong seed = 1, bool secondOrder = false) => new()
    {
        Name = "design",
        Seed = seed,
        Sweep = new SweepSettings
        {
            Design = design, Samples = samples, Levels = 4, SecondOrder = secondOrder, Replications = 2,
            Parameters =
            [
                new SweepParameter { Path = "platform.scar", Min = 0, Max = 0.8 },
                new SweepParameter { Path = "scandals.rate", Min = 0.5, Max = 8, Log = true },
            ],
        },
    };

    [Theory]
    [InlineData("Random", 10, 10)]
    [InlineData("LatinHypercube", 10, 10)]
    [InlineData("Sobol", 16, 64)]
    [InlineData("Morris", 6, 18)]
    public void Build_SamplingDesigns_HaveTheDocumentedPointCountsWithinBounds(string design, int samples, int points)
    {
        var plan = SweepPlan.Build(WithDesign(Enum.Parse<SweepDesign>(design), samples));
        Assert.Equal(points, plan.Points.Count);
        Assert.Equal(2L * points, plan.RunCount);
        Assert.Equal(Enumerable.Range(0, points), plan.Points.Select(p => p.Index));
        Assert.All(plan.Points, p =>
        {
            Assert.InRange(p.Values[0], 0, 0.8);
            Assert.InRange(p.Values[1], 0.5, 8);
        });
        Assert.Empty(plan.Warnings);
        Assert.Equal(design == "Sobol", plan.Saltelli is not null);
        Assert.Equal(design == "Morris", plan.Morris is not null);
    }

    [Fact]
    public void Build_SameSeed_GivesTheSamePointsAndAnotherSeedOthers()
    {
        foreach (var design in new[] { SweepDesign.Random, SweepDesign.LatinHypercube, SweepDesign.Sobol, SweepDesign.Morris })
        {
            var a = SweepPlan.Build(WithDesign(design, 8, seed: 5)).Points.Select(p => p.Values).ToArray();
            var b = SweepPlan.Build(WithDesign(design, 8, seed: 5)).Points.Select(p => p.Values).ToArray();
            var c = SweepPlan.Build(WithDesign(design, 8, seed: 6)).Points.Select(p => p.Values).ToArray();
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
        }
    }

    [Fact]
    public void Build_SobolSecondOrderWithSamplesNotAPowerOfTwo_LaysOutBAAndWarns()
    {
        var plan = SweepPlan.Build(WithDesign(SweepDesign.Sobol, 12, secondOrder: true));
        Assert.Equal(12 * 6, plan.Points.Count);
        Assert.Equal(new SaltelliLayout(12, 2, true), plan.Saltelli);
        Assert.Contains("not a power of 2", Assert.Single(plan.Warnings));
    }

    [Fact]
    public void ScenarioAt_SobolPoint_AppliesSampledValues()
    {
        var plan = SweepPlan.Build(WithDesign(SweepDesign.Sobol, 4));
        var point = plan.Points[3];
        var s = plan.ScenarioAt(point).Scenario!;
        Assert.Equal(point.Values[0], s.Platform.Scar);
        Assert.Equal(point.Values[1], s.Scandals.Rate);
    }

    [Fact]
    public void Build_Threshold_HasNoFixedPoints()
    {
        // The threshold search chooses its evaluations as it goes (ThresholdSearch), so the plan holds none.
        var plan = SweepPlan.Build(WithDesign(SweepDesign.Threshold, 4));
        Assert.Empty(plan.Points);
        Assert.Equal(0, plan.RunCount);
    }
}
