using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class CalibratorTests
{
    private static readonly string Ponemon = Path.Combine(Paths.RepositoryRoot(), "scenarios", "calibrate-ponemon.yaml");

    // The shipped calibration with its own budget (240 evaluations, 3 starts) reproduces each of
    // the four Ponemon figures within 2 percentage points, the bar for the fit.
    [Fact]
    public void Fit_ShippedPonemonScenario_ReproducesEachPointWithinTwoPoints()
    {
        var scenario = ScenarioLoader.Load(Ponemon).Scenario!;
        var targets = CalibrationTarget.From(scenario, Ponemon);
        var result = Calibrator.Fit(new CalibrationObjective(scenario, targets, 2));
        Assert.False(result.Interrupted);
        Assert.True(result.SearchEvaluations <= scenario.Calibrate!.Budget);
        Assert.Equal([64, 101, 102, 104], targets.Select(t => t.Step));
        for (var i = 0; i < targets.Count; i++)
            Assert.True(Math.Abs(result.FittedMeans[i] - targets[i].Value) <= 0.02, $"{targets[i].Label}: fitted {result.FittedMeans[i]:F4}, observed {targets[i].Value}");
        // The fitted values are inside their bounds and the fitted scenario loads and reproduces the fit.
        for (var k = 0; k < result.Values.Count; k++)
            Assert.InRange(result.Values[k], result.Parameters[k].Min!.Value, result.Parameters[k].Max!.Value);
        var fitted = new CalibrationObjective(scenario, targets, 2).ScenarioAt(result.Values).Scenario!;
        var run = Simulator.Run(fitted, 0, Simulator.ReplicationSeed(scenario, 0));
        Assert.Equal(result.FittedMeans[3], run.Steps[104].Reputation, 9);
        // 4 observations, 5 parameters: a profile, not a standard error.
        Assert.All(result.Uncertainty, u => Assert.Null(u.Se));
        Assert.All(result.Uncertainty, u => Assert.True(u.ProfileBelow >= result.Loss && u.ProfileAbove >= result.Loss));
    }

    // A known truth: data made by the model at beta = 3 are fitted back to beta = 3, with a
    // standard error (more observations than parameters) that is small against the range.
    [Fact]
    public void Fit_DataFromKnownSensitivity_RecoversItWithStandardError()
    {
        var truth = new Scenario
        {
            Time = new TimeSettings { Steps = 106 },
            Users = new UserSettings { Count = 200 },
            Platform = new PlatformSettings { Sensitivity = 3, Breaches = new BreachSettings { Hazard = 0 } },
            Shocks = [new ShockSpec { Step = 101, Type = ShockType.Misuse, Affected = 87e6 }],
        };
        var made = Simulator.Run(truth, 0);
        // Small, deterministic "survey noise" so that the loss at the truth is not zero and sigma² is defined.
        double[] noise = [0.004, -0.003, 0.002, -0.004];
        int[] steps = [101, 102, 103, 105];
        var observed = steps.Select((s, i) => new Observation { Step = s, Value = made.Steps[s].Reputation + noise[i] }).ToList();
        var scenario = truth with
        {
            Platform = truth.Platform with { Sensitivity = 1.5 },
            Calibrate = new CalibrationSettings
            {
                Parameters = [new CalibrationParameter { Path = "platform.sensitivity", Min = 0.5, Max = 8 }],
                Observed = observed, Replications = 1, Budget = 60, Starts = 2,
            },
        };
        var targets = observed.Select(o => CalibrationTarget.Of(scenario.Time, o)).ToList();
        var result = Calibrator.Fit(new CalibrationObjective(scenario, targets, 1));
        Assert.InRange(result.Values[0], 2.9, 3.1);
        var se = Assert.Single(result.Uncertainty).Se;
        Assert.NotNull(se);
        Assert.InRange(se!.Value, 1e-4, 0.2);
        Assert.True(result.SearchEvaluations <= 60);
    }

    [Fact]
    public void Fit_CancelledBeforeStart_ReportsInterruptedWithoutEvaluations()
    {
        var scenario = ScenarioLoader.Load(Ponemon).Scenario!;
        var targets = CalibrationTarget.From(scenario, Ponemon);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = Calibrator.Fit(new CalibrationObjective(scenario, targets, 1), cancel: cancel.Token);
        Assert.True(result.Interrupted);
        Assert.Empty(result.Trace);
    }

    [Fact]
    public void StartingPoints_SameSeed_SameLatinHypercube()
    {
        var scenario = ScenarioLoader.Load(Ponemon).Scenario!;
        var targets = CalibrationTarget.From(scenario, Ponemon);
        var a = Calibrator.StartingPoints(new CalibrationObjective(scenario, targets, 1));
        var b = Calibrator.StartingPoints(new CalibrationObjective(scenario, targets, 1));
        Assert.Equal(3, a.Count);
        Assert.Equal(a.SelectMany(z => z), b.SelectMany(z => z));
        // Start 1 is the scenario's own beta = 2.4.
        Assert.Equal(2.4, CalibrationSpace.ToValues(scenario.Calibrate!.Parameters.Select(p => p.Bounds).ToList(), a[0])[0], 9);
    }

    [Fact]
    public void Sample_LatinHypercube_OnePointPerStratum()
    {
        var sample = LatinHypercube.Sample(10, 3, 42);
        for (var d = 0; d < 3; d++)
            Assert.Equal(Enumerable.Range(0, 10), sample.Select(p => (int)(p[d] * 10)).Order());
    }
}
