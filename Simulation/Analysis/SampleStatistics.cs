using MathNet.Numerics.Distributions;
using TrustSim.Core;

namespace TrustSim.Analysis;

/// <summary>
/// Mean, sample standard deviation and a 95% confidence interval for the mean of a few replications,
/// an interval that stays inside the metric's domain (see <see cref="IntervalMethod"/>).
/// </summary>
/// <param name="Mean">Arithmetic mean; NaN when there are no values.</param>
/// <param name="Sd">Sample standard deviation (n - 1 denominator); NaN for fewer than two values.</param>
/// <param name="CiLow">Lower end of the two-sided 95% interval for the mean; NaN for fewer than
/// <see cref="MinimumForInterval"/> values, where no interval is worth drawing.</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="N">Number of values.</param>
internal sealed record SampleStatistics(double Mean, double Sd, double CiLow, double CiHigh, int N)
{
    /// <summary>Confidence level of the interval.</summary>
    public const double Level = 0.95;

    /// <summary>
    /// Fewest values that get an interval. With two, Student's t puts the 95% bounds 12.7/sqrt(2) = 9
    /// standard deviations apart: for a share that is the whole of [0,1], an interval that says nothing,
    /// so two replications give a mean and a spread but no interval.
    /// </summary>
    public const int MinimumForInterval = 3;

    public bool HasInterval => !double.IsNaN(CiLow);

    public static SampleStatistics Of(IReadOnlyList<double> values) => Of(values, ValueDomain.Real);

    public static SampleStatistics Of(IReadOnlyList<double> values, ValueDomain domain)
    {
        int n = values.Count;
        double mean = n == 0 ? double.NaN : values.Sum() / n;
        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        return FromMoments(n, mean, squares, domain);
    }

    /// <summary>From a count, a mean and the sum of squared deviations from it (as a running accumulator keeps them).</summary>
    public static SampleStatistics FromMoments(int n, double mean, double squares, ValueDomain domain)
    {
        if (n == 0)
        {
            return new SampleStatistics(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        double sd = n < 2 ? double.NaN : Math.Sqrt(squares / (n - 1));
        if (n < MinimumForInterval)
        {
            return new SampleStatistics(mean, sd, double.NaN, double.NaN, n);
        }
        var (low, high) = IntervalMethod.For(domain).Interval(mean, sd, n, TQuantile(n - 1));
        return new SampleStatistics(mean, sd, low, high, n);
    }

    /// <summary>The two-sided 95% quantile of Student's t: replications are few, so the normal 1.96 would be too narrow.</summary>
    public static double TQuantile(double degreesOfFreedom) => StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - Level) / 2);
}
