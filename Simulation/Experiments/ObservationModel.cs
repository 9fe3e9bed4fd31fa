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
