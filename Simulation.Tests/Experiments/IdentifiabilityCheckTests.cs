using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class IdentifiabilityCheckTests
{
    private static readonly MetricColumn<StepMetrics> Reputation = StepMetrics.Columns.First(c => c.Name == "reputation");

    private static CalibrationTarget Target(int step, double value, double? se = null) =>
        new(step, new DateOnly(2020, 1, 6).AddDays(7 * step), Reputation, value, se, se is { } s ? 1 / (s * s) : 1, $"t{step}");

    [Fact]
    public void Run_OneObservationTheModelAlwaysGivesTheSame_CountedUninformative()
    {
        // A fake model: the first observation restates a fixed starting value whatever the parameters,
        // the second moves with a, the third barely moves (a thousandth of its se), the fourth moves with b.
        var targets = new[] { Target(0, 0.79), Target(1, 0.3), Target(2, 0.5, se: 0.01), Target(3, 0.4) };
        var observations = new ObservationModel(targets, new ErrorScaleSettings());
        var parameters = new[]
        {
            new CalibrationParameter { Path = "a", Min = 0, Max = 1 },
            new CalibrationParameter { Path = "b", Min = 1, Max = 10, Log = true },
        };
        var problem = new PosteriorProblem(new PosteriorSpace(parameters, observations.Scales), observations,
            v => [0.79, 0.2 + 0.2 * v[0], 0.5 + 1e-7 * v[1], 0.1 * Math.Log(v[1])]);

        var information = IdentifiabilityCheck.Run(problem, seed: 3, workers: 2)!;

        Assert.Equal([false, true, false, true], information.Select(i => i.Informative));
        Assert.Equal(0.79, information[0].Low);
        Assert.Equal(0.79, information[0].High);
        // The Latin hypercube spreads a over its range: the second observation spans most of [0.2, 0.4].
        Assert.True(information[1].High - information[1].Low > 0.15);
    }

    [Fact]
    public void Analyse_MoreParametersThanInformativeObservations_WarnsAndNamesTheFlatOne()
    {
        var targets = new[] { Target(0, 0.79), Target(1, 0.3) };
        var observations = new ObservationModel(targets, new ErrorScaleSettings());
        var parameters = new[] { new CalibrationParameter { Path = "a", Min = 0, Max = 1 }, new CalibrationParameter { Path = "b", Min = 0, Max = 1 } };
        var problem = new PosteriorProblem(new PosteriorSpace(parameters, observations.Scales), observations, v => [0.79, 0.2 + 0.1 * v[0] + 0.1 * v[1]]);
        var information = IdentifiabilityCheck.Run(problem, seed: 1, workers: 1)!;
        var chains = PosteriorSampler.Run(problem, 2, 50, 50, seed: 2, workers: 1);

        var result = PosteriorCalibrator.Analyse(problem, chains, 50, 50, information, false, 0);

        Assert.Equal(1, result.InformativeCount);
        var warning = Assert.Single(result.Warnings, w => w.StartsWith("identifiability:", StringComparison.Ordinal));
        Assert.Contains("2 parameters are fitted to 1 informative observation (of 2)", warning);
        Assert.Contains("t0 (step 0): the model gives 0.79 to 0.79", warning);
    }

    [Fact]
    public void Analyse_DataFixingOnlyASum_ReportsARidge()
    {
        // Two observations of a + b alone: the posterior lies along the line a + b = 0.8.
        var targets = new[] { Target(1, 0.8, se: 0.01), Target(2, 0.8, se: 0.01) };
        var observations = new ObservationModel(targets, new ErrorScaleSettings());
        var parameters = new[] { new CalibrationParameter { Path = "a", Min = 0, Max = 1 }, new CalibrationParameter { Path = "b", Min = 0, Max = 1 } };
        var problem = new PosteriorProblem(new PosteriorSpace(parameters, observations.Scales, SamplingSpace.Bounded), observations,
            v => [v[0] + v[1], v[0] + v[1]]);
        var chains = PosteriorSampler.Run(problem, 4, 300, 500, seed: 8, workers: 2);

        var result = PosteriorCalibrator.Analyse(problem, chains, 300, 500, null, false, 0);

        var ridge = Assert.Single(result.Ridges);
        Assert.Equal(("a", "b"), (ridge.First, ridge.Second));
        Assert.True(ridge.Correlation < -0.95, $"r = {ridge.Correlation}");
        Assert.Contains(result.Warnings, w => w.StartsWith("ridge: a and b have posterior correlation -", StringComparison.Ordinal));
    }
}
