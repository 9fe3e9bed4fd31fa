using MathNet.Numerics.Distributions;

namespace TrustSim.Analysis;

/// <summary>
/// A difference of means (other minus reference) with its 95% confidence interval, two-sided p-value
/// and effect size. Paired (same replication seeds, so run i of both sides shares its random draws):
/// a one-sample t test on the per-replication differences, effect size d_z = mean / sd of the
/// differences. Otherwise Welch's unequal-variance t test with Welch-Satterthwaite degrees of freedom,
/// effect size Cohen's d = difference / pooled sd. When the differences have no spread (common random
/// numbers on identical scenarios, or a metric the seed does not touch), the interval is the difference
/// itself, p is 1 for a zero difference and 0 otherwise, and the effect size is undefined (NaN) unless
/// the difference is zero too: a spread of rounding error (1e-17) would otherwise turn a real difference
/// of 0.1 into "1e16 standard deviations". "No spread" is <see cref="NegligibleSpread"/>.
/// </summary>
/// <param name="Estimate">Mean of other minus mean of reference (metric units).</param>
/// <param name="CiLow">Lower end of the 95% interval; NaN when there are too few values.</param>
/// <param name="CiHigh">Upper end.</param>
/// <param name="P">Two-sided p-value of "no difference"; NaN when undefined.</param>
/// <param name="EffectSize">d_z (paired) or Cohen's d (Welch); NaN (undefined) when there is no spread to scale by.</param>
/// <param name="N">Pairs (paired) or the smaller side's count (Welch).</param>
/// <param name="Test">"paired_t" or "welch_t".</param>
internal sealed record Difference(double Estimate, double CiLow, double CiHigh, double P, double EffectSize, int N, string Test)
{
    public static Difference Paired(IReadOnlyList<double> reference, IReadOnlyList<double> other)
    {
        if (reference.Count != other.Count) throw new ArgumentException("paired samples need equal counts");
        var d = reference.Select((a, i) => other[i] - a).Where(double.IsFinite).ToArray();
        var s = SampleStatistics.Of(d);
        if (s.N < SampleStatistics.MinimumForInterval) return new Difference(s.Mean, double.NaN, double.NaN, double.NaN, double.NaN, s.N, "paired_t");
        if (NegligibleSpread(s.Sd, Scale(reference, other))) return Exact(s.Mean, s.N, "paired_t");
        var t = s.Mean / (s.Sd / Math.Sqrt(s.N));
        return new Difference(s.Mean, s.CiLow, s.CiHigh, TwoSided(t, s.N - 1), s.Mean / s.Sd, s.N, "paired_t");
    }

    public static Difference Welch(IReadOnlyList<double> reference, IReadOnlyList<double> other) =>
        Welch(SampleStatistics.Of(reference.Where(double.IsFinite).ToArray()), SampleStatistics.Of(other.Where(double.IsFinite).ToArray()));

    /// <summary>Welch's test from each side's mean, sd and n (as points.csv gives them).</summary>
    public static Difference Welch(SampleStatistics reference, SampleStatistics other)
    {
        var diff = other.Mean - reference.Mean;
        int n = Math.Min(reference.N, other.N);
        if (reference.N < SampleStatistics.MinimumForInterval || other.N < SampleStatistics.MinimumForInterval) return new Difference(diff, double.NaN, double.NaN, double.NaN, double.NaN, n, "welch_t");
        var (va, vb) = (reference.Sd * reference.Sd / reference.N, other.Sd * other.Sd / other.N);
        var se = Math.Sqrt(va + vb);
        if (NegligibleSpread(se, Math.Max(Math.Abs(reference.Mean), Math.Abs(other.Mean)))) return Exact(diff, n, "welch_t");
        var df = (va + vb) * (va + vb) / (va * va / (reference.N - 1) + vb * vb / (other.N - 1));
        var half = SampleStatistics.TQuantile(df) * se;
        var pooled = Math.Sqrt(((reference.N - 1) * reference.Sd * reference.Sd + (other.N - 1) * other.Sd * other.Sd) / (reference.N + other.N - 2));
        double effect = NegligibleSpread(pooled, Math.Max(Math.Abs(reference.Mean), Math.Abs(other.Mean))) ? double.NaN : diff / pooled;
        return new Difference(diff, diff - half, diff + half, TwoSided(diff / se, df), effect, n, "welch_t");
    }

    /// <summary>
    /// True when a spread is no more than rounding error on values of the given magnitude (a billionth
    /// of it): such a spread cannot scale an effect. Zero, NaN and subnormal spreads count as none.
    /// </summary>
    public static bool NegligibleSpread(double spread, double magnitude) =>
        !(spread > RelativeRounding * Math.Abs(magnitude)) || !(spread > double.Epsilon * 1e10);

    private const double RelativeRounding = 1e-9;

    private static double Scale(IReadOnlyList<double> reference, IReadOnlyList<double> other) =>
        reference.Concat(other).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();

    private static Difference Exact(double diff, int n, string test) =>
        new(diff, diff, diff, diff == 0 ? 1 : 0, diff == 0 ? 0 : double.NaN, n, test);

    private static double TwoSided(double t, double df) => 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(t)));
}
