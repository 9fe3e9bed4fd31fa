using MathNet.Numerics.Distributions;

namespace TrustSim.Analysis;

/// <summary>Mean, sample standard deviation and a Student's t confidence interval of a few replications.</summary>
/// <param name="Mean">Arithmetic mean; NaN when there are no values.</param>
/// <param name="Sd">Sample standard deviation (n - 1 denominator); NaN for fewer than two values.</param>
/// <param name="CiLow">Lower end of the two-sided 95% interval for the mean; NaN for fewer than two values.</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="N">Number of values.</param>
internal sealed record SampleStatistics(double Mean, double Sd, double CiLow, double CiHigh, int N)
{
    /// <summary>Confidence level of the interval.</summary>
    public const double Level = 0.95;

    public static SampleStatistics Of(IReadOnlyList<double> values)
    {
        int n = values.Count;
        double mean = n == 0 ? double.NaN : values.Sum() / n;
        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        return FromMoments(n, mean, squares);
    }

    /// <summary>From a count, a mean and the sum of squared deviations from it (as a running accumulator keeps them).</summary>
    public static SampleStatistics FromMoments(int n, double mean, double squares)
    {
        if (n == 0)
        {
            return new SampleStatistics(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        if (n == 1)
        {
            return new SampleStatistics(mean, double.NaN, double.NaN, double.NaN, 1);
        }
        double sd = Math.Sqrt(squares / (n - 1));
        // Student's t with n - 1 degrees of freedom: replications are few, so the normal 1.96 would be too narrow.
        double half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - Level) / 2) * sd / Math.Sqrt(n);
        return new SampleStatistics(mean, sd, mean - half, mean + half, n);
    }
}
