namespace TrustSim.Analysis;

/// <summary>Welford's running mean and sum of squared deviations: statistics of a stream without keeping it.</summary>
internal sealed class RunningMoments
{
    private int n;
    private double mean;
    private double squares;

    public void Add(double value)
    {
        n++;
        double delta = value - mean;
        mean += delta / n;
        squares += delta * (value - mean);
    }

    public SampleStatistics Statistics() => SampleStatistics.FromMoments(n, n == 0 ? double.NaN : mean, squares);
}
