using MathNet.Numerics.LinearAlgebra;
using TrustSim.Analysis;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class PosteriorSamplerTests
{
    private static readonly MetricColumn<StepMetrics> Reputation = StepMetrics.Columns.First(c => c.Name == "reputation");

    private static CalibrationTarget Target(double value, double? se, double weight = 1) =>
        new(0, new DateOnly(2020, 1, 6), Reputation, value, se, se is { } s ? 1 / (s * s) : weight, "");

    // y = X theta + e, e ~ N(0, se^2), prior theta_k ~ N(m_k, s_k^2) cut to [-20, 20] (the cut is
    // 20 prior sds away, so the exact posterior is the untruncated conjugate one).
    private static readonly double[,] Design = { { 1, 0.5 }, { 1, 1.5 }, { 1, 3 }, { 0.2, 1 } };
    private static readonly double[] Observed = [1.1, 2.3, 3.4, 0.9];
    private static readonly double[] Ses = [0.3, 0.4, 0.3, 0.5];
    private static readonly double[] PriorMean = [0.5, 0.5];
    private static readonly double[] PriorSd = [1, 1];

    private static PosteriorProblem LinearGaussian(SamplingSpace space = SamplingSpace.Logit)
    {
        var parameters = Enumerable.Range(0, 2).Select(k => new CalibrationParameter
        {
            Path = $"theta{k}", Min = -20, Max = 20,
            Prior = new PriorSettings { Kind = PriorKind.Normal, Mean = PriorMean[k], Sd = PriorSd[k] },
        }).ToList();
        var targets = Observed.Select((y, i) => Target(y, Ses[i])).ToList();
        var observations = new ObservationModel(targets, new ErrorScaleSettings());
        return new PosteriorProblem(new PosteriorSpace(parameters, observations.Scales, space), observations,
            theta => Enumerable.Range(0, Observed.Length).Select(i => Design[i, 0] * theta[0] + Design[i, 1] * theta[1]).ToArray());
    }

    private static (Vector<double> Mean, Matrix<double> Cov) ExactPosterior()
    {
        var x = Matrix<double>.Build.DenseOfArray(Design);
        var w = Matrix<double>.Build.DenseOfDiagonalArray(Ses.Select(s => 1 / (s * s)).ToArray());
        var priorPrecision = Matrix<double>.Build.DenseOfDiagonalArray(PriorSd.Select(s => 1 / (s * s)).ToArray());
        var cov = (priorPrecision + x.Transpose() * w * x).Inverse();
        var mean = cov * (priorPrecision * Vector<double>.Build.DenseOfArray(PriorMean) + x.Transpose() * w * Vector<double>.Build.DenseOfArray(Observed));
        return (mean, cov);
    }

    [Theory]
    [InlineData("logit")]
    [InlineData("bounded")]
    public void Run_LinearGaussian_MeanAndIntervalWithinMonteCarloErrorOfTheExactPosterior(string space)
    {
        var chains = PosteriorSampler.Run(LinearGaussian(Enum.Parse<SamplingSpace>(space, true)), 4, 1000, 3000, seed: 11, workers: 2);
        var (mean, cov) = ExactPosterior();
        for (var k = 0; k < 2; k++)
        {
            var byChain = chains.Select(c => c.Draws.Select(d => d[k]).ToArray()).ToList();
            var convergence = ChainDiagnostics.Of(byChain);
            Assert.True(convergence.Converged, $"theta{k}: R-hat {convergence.Rhat}, ESS {convergence.BulkEss}");
            var summary = DrawSummary.Of(byChain.SelectMany(d => d).ToList());
            var sd = Math.Sqrt(cov[k, k]);
            // Monte Carlo standard errors: sd/sqrt(ESS) for the mean; for a 2.5% quantile
            // sqrt(p(1-p)/ESS)/density = 2.7 sd/sqrt(ESS). Four of them is a loose enough bound for a fixed seed.
            var mcse = sd / Math.Sqrt(convergence.BulkEss);
            Assert.InRange(summary.Mean, mean[k] - 4 * mcse, mean[k] + 4 * mcse);
            Assert.InRange(summary.Sd, 0.9 * sd, 1.1 * sd);
            Assert.InRange(summary.Low, mean[k] - 1.96 * sd - 11 * mcse, mean[k] - 1.96 * sd + 11 * mcse);
            Assert.InRange(summary.High, mean[k] + 1.96 * sd - 11 * mcse, mean[k] + 1.96 * sd + 11 * mcse);
        }
    }

    [Theory]
    [InlineData("normal", false, "logit")]
    [InlineData("beta", false, "logit")]
    [InlineData("beta", true, "logit")]
    [InlineData("log_uniform", true, "logit")]
    [InlineData("uniform", true, "logit")]
    [InlineData("normal", true, "bounded")]
    [InlineData("beta", false, "bounded")]
    [InlineData("log_uniform", true, "bounded")]
    [InlineData("uniform", true, "bounded")]
    public void Run_NoObservations_DrawsReproduceThePriorOnTheParameterScale(string name, bool log, string sampling)
    {
        var kind = Enum.Parse<PriorKind>(name.Replace("_", ""), ignoreCase: true);
        // With no data the posterior is the prior: a wrong Jacobian would show as a shifted distribution.
        var parameter = new CalibrationParameter
        {
            Path = "x", Min = 0.5, Max = 10, Log = log,
            Prior = new PriorSettings { Kind = kind, Mean = kind == PriorKind.Normal ? 3 : null, Sd = kind == PriorKind.Normal ? 1.5 : null, A = kind == PriorKind.Beta ? 2 : null, B = kind == PriorKind.Beta ? 5 : null },
        };
        var observations = new ObservationModel([], new ErrorScaleSettings());
        var space = new PosteriorSpace([parameter], observations.Scales, Enum.Parse<SamplingSpace>(sampling, true));
        var chains = PosteriorSampler.Run(new PosteriorProblem(space, observations, _ => []), 4, 500, 2500, seed: 3, workers: 1);
        var draws = chains.SelectMany(c => c.Draws.Select(d => d[0])).ToList();
        var prior = space.Quantities[0].Prior;
        foreach (var p in new[] { 0.1, 0.5, 0.9 })
        {
            var q = DrawSummary.Quantile(draws, p);
            var spread = prior.Quantile(0.9) - prior.Quantile(0.1);
            Assert.True(Math.Abs(q - prior.Quantile(p)) < 0.06 * spread, $"{kind} log={log}: quantile {p} drawn {q}, prior {prior.Quantile(p)}");
        }
    }

    [Fact]
    public void Run_OneOrThreeWorkers_IdenticalDraws()
    {
        var one = PosteriorSampler.Run(LinearGaussian(), 3, 100, 100, seed: 5, workers: 1);
        var three = PosteriorSampler.Run(LinearGaussian(), 3, 100, 100, seed: 5, workers: 3);
        Assert.Equal(one.SelectMany(c => c.Draws.SelectMany(d => d)), three.SelectMany(c => c.Draws.SelectMany(d => d)));
        Assert.Equal(one.SelectMany(c => c.LogPosterior), three.SelectMany(c => c.LogPosterior));
    }

    [Fact]
    public void Run_Cancelled_KeepsWhatWasDrawn()
    {
        using var cancel = new CancellationTokenSource();
        var blocks = 0;
        var chains = PosteriorSampler.Run(LinearGaussian(), 2, 20, 1000, seed: 5, workers: 1, onBlock: _ =>
        {
            if (++blocks == 5) cancel.Cancel();
        }, cancel: cancel.Token);
        Assert.All(chains, c => Assert.Equal(30, c.Draws.Count));
        Assert.All(chains, c => Assert.Equal(51, c.Evaluations));
    }

    [Fact]
    public void Run_ErrorScaleWithoutSe_SigmaPosteriorCoversTheTrueNoise()
    {
        // Forty observations of a constant 0.5 with noise of sd 0.05: the posterior of sigma sits near 0.05.
        var random = new TrustSim.Core.RandomStream(9);
        var targets = Enumerable.Range(0, 40).Select(_ => Target(0.5 + 0.05 * random.NextGaussian(), null)).ToList();
        var observations = new ObservationModel(targets, new ErrorScaleSettings());
        var space = new PosteriorSpace([new CalibrationParameter { Path = "level", Min = 0, Max = 1 }], observations.Scales);
        Assert.Equal("sigma_reputation", Assert.Single(observations.Scales).Name);
        var chains = PosteriorSampler.Run(new PosteriorProblem(space, observations, v => targets.Select(_ => v[0]).ToArray()), 4, 500, 1000, seed: 2, workers: 2);
        var sigma = DrawSummary.Of(chains.SelectMany(c => c.Draws.Select(d => d[1])).ToList());
        Assert.InRange(0.05, sigma.Low, sigma.High);
        Assert.InRange(sigma.Median, 0.04, 0.065);
    }
}
