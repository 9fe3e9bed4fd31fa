using MathNet.Numerics.Integration;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class ObservationModelTests
{
    private static readonly MetricColumn<StepMetrics> Reputation = StepMetrics.Columns.First(c => c.Name == "reputation");

    private static CalibrationTarget Target(double value, double? se = null, double weight = 1) =>
        new(0, new DateOnly(2020, 1, 6), Reputation, value, se, se is { } s ? 1 / (s * s) : weight, "");

    private static readonly IReadOnlyList<CalibrationTarget> Mixed =
        [Target(0.3), Target(0.5, weight: 2), Target(0.2, se: 0.02), Target(0.4), Target(0.9, weight: 0)];

    private static readonly double[] Means = [0.31, 0.46, 0.21, 0.43, 0.1];

    [Fact]
    public void Scales_ObservationsWithoutSe_ShareOneScalePerMetricWithTheDerivedRange()
    {
        var model = new ObservationModel(Mixed, new ErrorScaleSettings());
        var scale = Assert.Single(model.Scales);
        Assert.Equal("sigma_reputation", scale.Name);
        // The largest |value| without se is 0.9: the range is 1% of it to it.
        Assert.Equal(0.009, scale.Min, 12);
        Assert.Equal(0.9, scale.Max, 12);
        Assert.Null(model.ScaleOf(2));
        Assert.Equal(0.05 / Math.Sqrt(2), model.Sd(1, [0.05]), 12);
        Assert.Equal(double.PositiveInfinity, model.Sd(4, [0.05]));
    }

    [Fact]
    public void LogLikelihood_KnownValues_SumOfGaussianTermsWithoutWeightZero()
    {
        var model = new ObservationModel(Mixed, new ErrorScaleSettings());
        const double Sigma = 0.05;
        double Term(double y, double m, double sd) => -0.5 * Math.Log(2 * Math.PI) - Math.Log(sd) - 0.5 * Math.Pow((y - m) / sd, 2);
        var expected = Term(0.3, 0.31, Sigma) + Term(0.5, 0.46, Sigma / Math.Sqrt(2)) + Term(0.2, 0.21, 0.02) + Term(0.4, 0.43, Sigma);
        Assert.Equal(expected, model.LogLikelihood(Means, [Sigma]), 10);
        Assert.Equal(double.NegativeInfinity, model.LogLikelihood([0.3, double.NaN, 0.2, 0.4, 0.1], [Sigma]));
    }

    [Theory]
    [InlineData(0.005, 0.5)]
    [InlineData(0.02, 0.03)]
    public void MarginalLogLikelihood_EqualsTheLikelihoodIntegratedOverSigmasPrior(double min, double max)
    {
        var model = new ObservationModel(Mixed, new ErrorScaleSettings { Min = min, Max = max });
        // Integrate over u = ln sigma, where the log-uniform prior is flat: density 1/ln(max/min).
        var integral = GaussLegendreRule.Integrate(u => Math.Exp(model.LogLikelihood(Means, [Math.Exp(u)])) / Math.Log(max / min),
            Math.Log(min), Math.Log(max), 2048);
        Assert.Equal(Math.Log(integral), model.MarginalLogLikelihood(Means), 6);
    }

    [Fact]
    public void MarginalLogLikelihood_PerfectFit_UsesTheLimitOfTheIntegral()
    {
        var model = new ObservationModel([Target(0.3), Target(0.4)], new ErrorScaleSettings { Min = 0.01, Max = 0.1 });
        var integral = GaussLegendreRule.Integrate(u => Math.Exp(model.LogLikelihood([0.3, 0.4], [Math.Exp(u)])) / Math.Log(10),
            Math.Log(0.01), Math.Log(0.1), 2048);
        Assert.Equal(Math.Log(integral), model.MarginalLogLikelihood([0.3, 0.4]), 6);
    }

    [Fact]
    public void DrawScales_ManyUniforms_FollowTheConditionalPosterior()
    {
        var model = new ObservationModel(Mixed, new ErrorScaleSettings { Min = 0.005, Max = 0.5 });
        var random = new TrustSim.Core.RandomStream(4);
        var draws = Enumerable.Range(0, 20000).Select(_ => model.DrawScales(Means, [random.NextUnit()])[0]).ToArray();
        // The conditional density of sigma is the likelihood times the prior, normalised: compare its median and mean.
        double Density(double s) => Math.Exp(model.LogLikelihood(Means, [s])) / s;
        var total = GaussLegendreRule.Integrate(Density, 0.005, 0.5, 4096);
        var mean = GaussLegendreRule.Integrate(s => s * Density(s), 0.005, 0.5, 4096) / total;
        Assert.Equal(mean, draws.Average(), 3);
        Assert.All(draws, s => Assert.InRange(s, 0.005, 0.5));
    }

    [Fact]
    public void BestScales_KeepTheMaximumLikelihoodScaleInsideItsRange()
    {
        var model = new ObservationModel([Target(0.3), Target(0.5)], new ErrorScaleSettings { Min = 0.001, Max = 1 });
        // Residuals 0.01 and -0.03: sigma^2 = (0.0001 + 0.0009)/2.
        Assert.Equal(Math.Sqrt(0.0005), model.BestScales([0.29, 0.53])[0], 12);
        Assert.Equal(0.001, model.BestScales([0.3, 0.5])[0]);
    }
}
