using TrustSim.Core;

namespace TrustSim.Analysis;

/// <summary>
/// The equally weighted mean of several independent groups' means (a marginal mean over design points),
/// with a 95% interval: its standard error is sqrt(sum of sd_i^2 / n_i) / G, its degrees of freedom
/// Welch-Satterthwaite's, and the interval is built by the domain's <see cref="IntervalMethod"/>, so a
/// pooled share stays inside [0,1] as each group's interval does.
/// </summary>
internal static class MeanOfMeans
{
    /// <summary>
    /// The pooled mean, NaN sd, the interval (NaN when any group has fewer than
    /// <see cref="SampleStatistics.MinimumForInterval"/> values) and the total count.
    /// </summary>
    public static SampleStatistics Of(IReadOnlyList<SampleStatistics> groups, ValueDomain domain)
    {
        var kept = groups.Where(g => g.N > 0 && double.IsFinite(g.Mean)).ToArray();
        if (kept.Length == 0) return new SampleStatistics(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        double mean = kept.Average(g => g.Mean);
        int n = kept.Sum(g => g.N);
        if (kept.Any(g => g.N < SampleStatistics.MinimumForInterval || !double.IsFinite(g.Sd)))
            return new SampleStatistics(mean, double.NaN, double.NaN, double.NaN, n);
        var variances = kept.Select(g => g.Sd * g.Sd / g.N).ToArray();
        double total = variances.Sum();
        double se = Math.Sqrt(total) / kept.Length;
        double df = total == 0 ? kept.Sum(g => g.N - 1) : total * total / kept.Select((g, i) => variances[i] * variances[i] / (g.N - 1)).Sum();
        var (low, high) = IntervalMethod.For(domain).Interval(mean, se, 1, SampleStatistics.TQuantile(df));
        return new SampleStatistics(mean, double.NaN, low, high, n);
    }

    /// <summary>
    /// The mean of several independent differences with an interval whose half-width is the root sum of
    /// squares of theirs over G (each half-width taken as t times its standard error with a common t, which
    /// overstates the pooled t and so errs wide); NaN ends when any difference has no interval.
    /// </summary>
    public static (double Estimate, double Low, double High) OfDifferences(IReadOnlyList<(double Estimate, double Low, double High)> differences)
    {
        var kept = differences.Where(d => double.IsFinite(d.Estimate)).ToArray();
        if (kept.Length == 0) return (double.NaN, double.NaN, double.NaN);
        double estimate = kept.Average(d => d.Estimate);
        if (kept.Any(d => !double.IsFinite(d.Low) || !double.IsFinite(d.High))) return (estimate, double.NaN, double.NaN);
        double half = Math.Sqrt(kept.Sum(d => (d.High - d.Low) / 2 * ((d.High - d.Low) / 2))) / kept.Length;
        return (estimate, estimate - half, estimate + half);
    }
}
