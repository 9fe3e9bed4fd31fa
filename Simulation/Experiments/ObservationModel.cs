using MathNet.Numerics;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// The posterior's observation model: each observation is the model's replicated mean at its step plus
/// Gaussian error. An observation with an se has that standard deviation. The observations of one metric
/// without se share an error scale sigma (<see cref="ErrorScale"/>, sampled with the parameters), and
/// the weight of such an observation scales its precision: sd = sigma/sqrt(weight); weight 0 leaves it
/// out of the likelihood.
/// </summary>
internal sealed class ObservationModel
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private readonly int[] _scaleOf;

    public ObservationModel(IReadOnlyList<CalibrationTarget> targets, ErrorScaleSettings sigma)
    {
        Targets = targets;
        // One scale per metric, in the order the metrics are first observed without se.
        var metrics = targets.Where(t => t.Se is null).Select(t => t.Metric.Name).Distinct().ToList();
        Scales = metrics.Select(m =>
        {
            var (min, max) = sigma.RangeFor(targets.Where(t => t.Se is null && t.Metric.Name == m).Select(t => t.Value));
            return new ErrorScale(m, min, max);
        }).ToList();
        _scaleOf = targets.Select(t => t.Se is null ? metrics.IndexOf(t.Metric.Name) : -1).ToArray();
    }

    public IReadOnlyList<CalibrationTarget> Targets { get; }

    public IReadOnlyList<ErrorScale> Scales { get; }

    /// <summary>The error scale of observation <paramref name="target"/>, or null when it has an se.</summary>
    public ErrorScale? ScaleOf(int target) => _scaleOf[target] < 0 ? null : Scales[_scaleOf[target]];

    /// <summary>Standard deviation of observation <paramref name="target"/>'s error given the scales' values; +infinity for weight 0.</summary>
    public double Sd(int target, IReadOnlyList<double> sigmas)
    {
        var t = Targets[target];
        if (t.Se is { } se) return se;
        return t.Weight > 0 ? sigmas[_scaleOf[target]] / Math.Sqrt(t.Weight) : double.PositiveInfinity;
    }

    /// <summary>
    /// ln p(observations | model means, scales); negative infinity when a mean is undefined (the
    /// parameters made an invalid scenario, or the metric is undefined at that step).
    /// </summary>
    public double LogLikelihood(IReadOnlyList<double> means, IReadOnlyList<double> sigmas)
    {
        var sum = 0.0;
        for (var i = 0; i < Targets.Count; i++)
        {
            if (double.IsNaN(means[i])) return double.NegativeInfinity;
            var sd = Sd(i, sigmas);
            if (double.IsPositiveInfinity(sd)) continue;
            var r = (Targets[i].Value - means[i]) / sd;
            sum += -HalfLogTwoPi - Math.Log(sd) - 0.5 * r * r;
        }
        return sum;
    }

    /// <summary>
    /// ln p(observations | model means) with every error scale integrated out over its log-uniform prior
    /// p(sigma) = 1/(sigma ln(max/min)) on [min, max]: for a metric's n weighted observations with weighted
    /// squared residuals S, the integral of sigma^-n exp(-S/(2 sigma^2)) / sigma is
    /// Gamma(n/2) (2/S)^(n/2) / 2 times the share of a Gamma(n/2) variable between S/(2 max^2) and
    /// S/(2 min^2). The chains sample the parameters on this marginal, which has no funnel where sigma
    /// and the fit's closeness trade off, and each draw's scales then come from their exact conditional
    /// (<see cref="DrawScales"/>), so the draws are from the joint posterior.
    /// </summary>
    public double MarginalLogLikelihood(IReadOnlyList<double> means)
    {
        var sum = 0.0;
        var (squares, counts, logWeights) = Residuals(means, out var known);
        if (double.IsNegativeInfinity(known)) return known;
        sum += known;
        for (var g = 0; g < Scales.Count; g++)
        {
            if (counts[g] == 0) continue;
            double n = counts[g], a = Scales[g].Min, b = Scales[g].Max, s = squares[g];
            var logPrior = -Math.Log(Math.Log(b / a));
            sum += -0.5 * n * Math.Log(2 * Math.PI) + 0.5 * logWeights[g] + logPrior + LogIntegral(n, s, a, b);
        }
        return sum;
    }

    /// <summary>
    /// One draw of every error scale from its posterior given the model means (sigma^-(n+1) exp(-S/(2 sigma^2))
    /// on its prior range), by inverting the distribution function at the uniforms <paramref name="uniforms"/>;
    /// a scale with no weighted observation keeps its prior (log-uniform).
    /// </summary>
    public double[] DrawScales(IReadOnlyList<double> means, IReadOnlyList<double> uniforms)
    {
        var (squares, counts, _) = Residuals(means, out _);
        return Scales.Select((scale, g) =>
        {
            double n = counts[g], a = scale.Min, b = scale.Max, s = squares[g], u = uniforms[g];
            if (n == 0) return Math.Exp(Math.Log(a) + u * Math.Log(b / a));
            if (!(s > 0))
            {
                // sigma^-(n+1) alone: F(sigma) = (a^-n - sigma^-n) / (a^-n - b^-n).
                var low = Math.Pow(a, -n);
                return Math.Pow(low - u * (low - Math.Pow(b, -n)), -1 / n);
            }
            // t = S/(2 sigma^2) is Gamma(n/2) cut to [S/(2b^2), S/(2a^2)].
            double shape = n / 2, pLow = SpecialFunctions.GammaLowerRegularized(shape, s / (2 * b * b)),
                pHigh = SpecialFunctions.GammaLowerRegularized(shape, s / (2 * a * a));
            var t = SpecialFunctions.GammaLowerRegularizedInv(shape, pLow + u * (pHigh - pLow));
            return Math.Clamp(Math.Sqrt(s / (2 * t)), a, b);
        }).ToArray();
    }

    /// <summary>ln of the integral over [a, b] of sigma^-(n+1) exp(-S/(2 sigma^2)) d sigma.</summary>
    private static double LogIntegral(double n, double s, double a, double b)
    {
        if (!(s > 1e-300)) return Math.Log((Math.Pow(a, -n) - Math.Pow(b, -n)) / n);
        double shape = n / 2, low = s / (2 * b * b), high = s / (2 * a * a);
        // The share of Gamma(n/2) in [low, high], from whichever tail keeps its digits.
        var lower = SpecialFunctions.GammaLowerRegularized(shape, low);
        var share = lower < 0.5
            ? SpecialFunctions.GammaLowerRegularized(shape, high) - lower
            : SpecialFunctions.GammaUpperRegularized(shape, low) - SpecialFunctions.GammaUpperRegularized(shape, high);
        return SpecialFunctions.GammaLn(shape) + shape * Math.Log(2 / s) - Math.Log(2) + Math.Log(share);
    }

    /// <summary>
    /// Per error scale: the weighted squared residuals, the count of weighted observations and the sum of
    /// their ln weights; <paramref name="known"/> is the log-likelihood of the observations with an se
    /// (negative infinity when a mean is undefined).
    /// </summary>
    private (double[] Squares, int[] Counts, double[] LogWeights) Residuals(IReadOnlyList<double> means, out double known)
    {
        var squares = new double[Scales.Count];
        var counts = new int[Scales.Count];
        var logWeights = new double[Scales.Count];
        known = 0;
        for (var i = 0; i < Targets.Count; i++)
        {
            if (double.IsNaN(means[i]))
            {
                known = double.NegativeInfinity;
                continue;
            }
            var t = Targets[i];
            var r = t.Value - means[i];
            if (t.Se is { } se)
            {
                known += -HalfLogTwoPi - Math.Log(se) - 0.5 * r * r / (se * se);
                continue;
            }
            if (!(t.Weight > 0)) continue;
            var g = _scaleOf[i];
            squares[g] += t.Weight * r * r;
            counts[g]++;
            logWeights[g] += Math.Log(t.Weight);
        }
        return (squares, counts, logWeights);
    }

    /// <summary>
    /// The scales that maximise the likelihood at <paramref name="means"/>: sigma^2 = sum of weight x
    /// residual^2 over the n weighted observations of its metric, divided by n, kept inside its prior range.
    /// </summary>
    public double[] BestScales(IReadOnlyList<double> means)
    {
        var sums = new double[Scales.Count];
        var counts = new int[Scales.Count];
        for (var i = 0; i < Targets.Count; i++)
        {
            var g = _scaleOf[i];
            if (g < 0 || !(Targets[i].Weight > 0)) continue;
            var r = Targets[i].Value - means[i];
            sums[g] += Targets[i].Weight * r * r;
            counts[g]++;
        }
        return Scales.Select((s, g) => counts[g] == 0 ? s.Min : Math.Clamp(Math.Sqrt(sums[g] / counts[g]), s.Min, s.Max)).ToArray();
    }

    /// <summary>The likelihood at <paramref name="means"/> maximised over the error scales (for the profile likelihood).</summary>
    public double ProfileLogLikelihood(IReadOnlyList<double> means) =>
        means.Any(double.IsNaN) ? double.NegativeInfinity : LogLikelihood(means, BestScales(means));
}
