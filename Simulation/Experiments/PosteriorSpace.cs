using TrustSim.Analysis;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// What the posterior samples: the calibrated parameters, then one error scale per metric observed
/// without se. The sampler moves in the unbounded logit space of each (<see cref="LogitScale"/>, the
/// optimiser's space); the target density there is the prior on the parameter scale times the
/// likelihood times the Jacobian of the map, so the prior is the one written on the parameter's scale.
/// </summary>
internal sealed class PosteriorSpace
{
    /// <summary>Proposal standard deviation in logit units before a chain has its own covariance: a small step against the prior's width (about 1.8 for a uniform prior).</summary>
    public const double InitialStep = 0.2;

    public PosteriorSpace(IReadOnlyList<CalibrationParameter> parameters, IReadOnlyList<ErrorScale> scales)
    {
        var quantities = parameters.Select(p =>
        {
            double min = p.Min ?? 0, max = p.Max ?? 1;
            return new SampledQuantity(p.Path, min, max, p.Log, PriorOf(p, min, max), false);
        }).ToList();
        quantities.AddRange(scales.Select(s => new SampledQuantity(s.Name, s.Min, s.Max, true, BoundedPrior.LogUniform(s.Min, s.Max), true)));
        Quantities = quantities;
        ParameterCount = parameters.Count;
    }

    public IReadOnlyList<SampledQuantity> Quantities { get; }

    /// <summary>The calibrated parameters come first; the error scales follow.</summary>
    public int ParameterCount { get; }

    public int Dimension => Quantities.Count;

    public static BoundedPrior PriorOf(CalibrationParameter p, double min, double max)
    {
        var prior = p.Prior ?? new PriorSettings();
        return p.PriorKind switch
        {
            PriorKind.LogUniform => BoundedPrior.LogUniform(min, max),
            PriorKind.Normal => BoundedPrior.Normal(prior.Mean ?? 0.5 * (min + max), prior.Sd ?? max - min, min, max),
            PriorKind.Beta => BoundedPrior.Beta(prior.A ?? 1, prior.B ?? 1, min, max),
            _ => BoundedPrior.Uniform(min, max),
        };
    }

    /// <summary>The quantities' values at logit coordinates <paramref name="z"/>.</summary>
    public double[] ToValues(IReadOnlyList<double> z) =>
        Quantities.Select((q, k) => LogitScale.Value(z[k], q.Min, q.Max, q.Log)).ToArray();

    public double[] ToZ(IReadOnlyList<double> values) =>
        Quantities.Select((q, k) => LogitScale.Logit(values[k], q.Min, q.Max, q.Log)).ToArray();

    /// <summary>ln of the prior density of the logit coordinates (the prior on the parameter scale with its Jacobian).</summary>
    public double LogPriorOfLogit(IReadOnlyList<double> z)
    {
        var sum = 0.0;
        for (var k = 0; k < Quantities.Count; k++) sum += Quantities[k].Prior.LogDensityOfLogit(z[k], Quantities[k].Log);
        return sum;
    }

    /// <summary>ln of the prior density on the parameter scale (what log_posterior in posterior.csv adds to the likelihood).</summary>
    public double LogPrior(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        for (var k = 0; k < Quantities.Count; k++) sum += Quantities[k].Prior.LogDensity(values[k]);
        return sum;
    }

    /// <summary>The starting points of <paramref name="count"/> chains: a Latin hypercube over the priors (each coordinate through its prior's quantile function).</summary>
    public double[][] Starts(int count, Core.RandomStream random)
    {
        // Off the very ends of the prior, where the logit is infinite.
        const double Edge = 1e-6;
        return Core.LatinHypercube.Sample(count, Dimension, random)
            .Select(u => Quantities.Select((q, k) => Math.Clamp(u[k], Edge, 1 - Edge)).Select((p, k) => Quantities[k].Prior.Quantile(p)).ToArray())
            .ToArray();
    }

    /// <summary>The model parameters' part of a vector of values.</summary>
    public double[] Parameters(IReadOnlyList<double> values) => values.Take(ParameterCount).ToArray();

    /// <summary>The error scales' part of a vector of values.</summary>
    public double[] Scales(IReadOnlyList<double> values) => values.Skip(ParameterCount).ToArray();
}
