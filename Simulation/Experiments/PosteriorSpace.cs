using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// What the posterior samples: the calibrated parameters, then one error scale per metric observed
/// without se. The chains move the parameters alone (the error scales are integrated out, see
/// <see cref="ObservationModel.MarginalLogLikelihood"/>), in one of two spaces: the logit space of each
/// range (<see cref="LogitScale"/>, the optimiser's space), where the target density is the prior on the
/// parameter scale times the Jacobian of the map; or each parameter's own scale (x, or ln x for a
/// log-scale parameter, whose Jacobian is x), where the prior is zero outside the bounds. Either way the
/// prior is the one written on the parameter's scale.
/// </summary>
internal sealed class PosteriorSpace
{
    /// <summary>Proposal standard deviation in logit units before a chain has its own covariance: a small step against the prior's width (about 1.8 for a uniform prior).</summary>
    public const double InitialLogitStep = 0.2;

    /// <summary>The same, on a parameter's own scale: this share of its range.</summary>
    public const double InitialShareOfRange = 0.05;

    public PosteriorSpace(IReadOnlyList<CalibrationParameter> parameters, IReadOnlyList<ErrorScale> scales, SamplingSpace space = SamplingSpace.Logit)
    {
        var quantities = parameters.Select(p =>
        {
            double min = p.Min ?? 0, max = p.Max ?? 1;
            return new SampledQuantity(p.Path, min, max, p.Log, PriorOf(p, min, max), false);
        }).ToList();
        quantities.AddRange(scales.Select(s => new SampledQuantity(s.Name, s.Min, s.Max, true, BoundedPrior.LogUniform(s.Min, s.Max), true)));
        Quantities = quantities;
        ParameterCount = parameters.Count;
        Space = space;
    }

    public IReadOnlyList<SampledQuantity> Quantities { get; }

    /// <summary>The calibrated parameters come first; the error scales follow.</summary>
    public int ParameterCount { get; }

    public int Dimension => Quantities.Count;

    public SamplingSpace Space { get; }

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

    /// <summary>The parameters' values at the chain coordinates <paramref name="z"/>.</summary>
    public double[] ToValues(IReadOnlyList<double> z) => z.Select((zk, k) =>
    {
        var q = Quantities[k];
        return Space == SamplingSpace.Logit ? LogitScale.Value(zk, q.Min, q.Max, q.Log) : q.Log ? Math.Exp(zk) : zk;
    }).ToArray();

    /// <summary>The chain coordinates of parameter values (±infinity in logit space at a bound).</summary>
    public double[] ToCoordinates(IReadOnlyList<double> values) => values.Select((v, k) =>
    {
        var q = Quantities[k];
        return Space == SamplingSpace.Logit ? LogitScale.Logit(v, q.Min, q.Max, q.Log) : q.OnScale(v);
    }).ToArray();

    /// <summary>ln of the prior density of the chain coordinates <paramref name="z"/>: the prior on the parameter scale with its Jacobian.</summary>
    public double LogPriorOfCoordinates(IReadOnlyList<double> z)
    {
        var sum = 0.0;
        for (var k = 0; k < z.Count; k++)
        {
            var q = Quantities[k];
            sum += Space == SamplingSpace.Logit
                ? q.Prior.LogDensityOfLogit(z[k], q.Log)
                : q.Prior.LogDensity(q.Log ? Math.Exp(z[k]) : z[k]) + (q.Log ? z[k] : 0);
        }
        return sum;
    }

    /// <summary>Each parameter's proposal standard deviation, in chain coordinates, before the chains have a covariance of their own.</summary>
    public double[] InitialSteps() => Quantities.Take(ParameterCount)
        .Select(q => Space == SamplingSpace.Logit ? InitialLogitStep : InitialShareOfRange * (q.OnScale(q.Max) - q.OnScale(q.Min))).ToArray();

    /// <summary>ln of the prior density of every quantity on the parameter scale (what log_posterior in posterior.csv adds to the likelihood).</summary>
    public double LogPrior(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        for (var k = 0; k < Quantities.Count; k++) sum += Quantities[k].Prior.LogDensity(values[k]);
        return sum;
    }

    /// <summary>The parameters' starting points of <paramref name="count"/> chains: a Latin hypercube over their priors (each coordinate through its prior's quantile function).</summary>
    public double[][] Starts(int count, RandomStream random)
    {
        // Off the very ends of the prior, where the logit is infinite.
        const double Edge = 1e-6;
        return LatinHypercube.Sample(count, ParameterCount, random)
            .Select(u => u.Select(p => Math.Clamp(p, Edge, 1 - Edge)).Select((p, k) => Quantities[k].Prior.Quantile(p)).ToArray())
            .ToArray();
    }

    /// <summary>The model parameters' part of a vector of values.</summary>
    public double[] Parameters(IReadOnlyList<double> values) => values.Take(ParameterCount).ToArray();

    /// <summary>The error scales' part of a vector of values.</summary>
    public double[] Scales(IReadOnlyList<double> values) => values.Skip(ParameterCount).ToArray();
}
