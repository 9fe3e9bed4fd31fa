using TrustSim.Core;

namespace TrustSim.Analysis;

/// <summary>Welford's running mean and sum of squared deviations: statistics of a stream without keeping it.</summary>
internal sealed class RunningMoments
{
    private int _n;
    private double _mean;
    private double _squares;

    public void Add(double value)
    {
        _n++;
        double delta = value - _mean;
        _mean += delta / _n;
        _squares += delta * (value - _mean);
    }

    public SampleStatistics Statistics(ValueDomain domain) => SampleStatistics.FromMoments(_n, _n == 0 ? double.NaN : _mean, _squares, domain);
}
