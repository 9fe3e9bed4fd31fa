namespace TrustSim.Analysis;

/// <summary>
/// A posterior quantity summarised from its draws: mean, median, standard deviation (n - 1) and the
/// central 95% credible interval from the 2.5% and 97.5% quantiles. NaN when there are no draws.
/// </summary>
internal sealed record DrawSummary(double Mean, double Median, double Sd, double Low, double High)
{
    public static DrawSummary Of(IReadOnlyList<double> draws)
    {
        if (draws.Count == 0) return new DrawSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = draws.Order().ToArray();
        var mean = draws.Average();
        var sd = draws.Count < 2 ? double.NaN : Math.Sqrt(draws.Sum(x => (x - mean) * (x - mean)) / (draws.Count - 1));
        return new DrawSummary(mean, QuantileOfSorted(sorted, 0.5), sd, QuantileOfSorted(sorted, 0.025), QuantileOfSorted(sorted, 0.975));
    }

    /// <summary>The <paramref name="p"/> quantile by linear interpolation between order statistics (R's type 7, the default of R and NumPy).</summary>
    public static double Quantile(IReadOnlyList<double> values, double p) => QuantileOfSorted(values.Order().ToArray(), p);

    public static double QuantileOfSorted(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
