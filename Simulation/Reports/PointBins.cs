using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// The design points of a sampled sweep gathered, as they are read, into <see cref="Count"/> equal bins of each
/// parameter's range (on a log scale for a log-scale parameter, as the design samples it): per bin and metric, the
/// running moments of the points' means (<see cref="RunningMoments"/>). It holds the same few numbers however
/// many points there are.
/// </summary>
internal sealed class PointBins
{
    public const int Count = 20;

    private readonly IReadOnlyList<SweepParameter> _parameters;
    private readonly IReadOnlyList<string> _metrics;
    private readonly RunningMoments[,,] _moments;

    public PointBins(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<string> metrics)
    {
        _parameters = parameters;
        _metrics = metrics;
        _moments = new RunningMoments[parameters.Count, metrics.Count, Count];
        for (int k = 0; k < parameters.Count; k++)
        {
            for (int m = 0; m < metrics.Count; m++)
            {
                for (int b = 0; b < Count; b++) _moments[k, m, b] = new RunningMoments();
            }
        }
    }

    /// <summary>Points added so far.</summary>
    public int Points { get; private set; }

    public void Add(SweepChartData.PointRow row)
    {
        Points++;
        for (int k = 0; k < _parameters.Count; k++)
        {
            int b = BinOf(k, row.Values[k]);
            for (int m = 0; m < _metrics.Count; m++)
            {
                double x = row.Metrics[_metrics[m]].Mean;
                if (!double.IsNaN(x)) _moments[k, m, b].Add(x);
            }
        }
    }

    /// <summary>Each bin's statistics of the points' means of <paramref name="metric"/> along parameter <paramref name="k"/>.</summary>
    public IReadOnlyList<SampleStatistics> Statistics(int k, string metric, ValueDomain domain)
    {
        int m = _metrics.ToList().IndexOf(metric);
        return Enumerable.Range(0, Count).Select(b => _moments[k, m, b].Statistics(domain)).ToList();
    }

    /// <summary>The middle of bin <paramref name="b"/> of parameter <paramref name="k"/> (geometric on a log scale).</summary>
    public double Centre(int k, int b)
    {
        var (low, high, log) = Range(k);
        double at = low + (b + 0.5) * (high - low) / Count;
        return log ? Math.Exp(at) : at;
    }

    private int BinOf(int k, double value)
    {
        var (low, high, log) = Range(k);
        double x = log ? Math.Log(value) : value;
        if (!(high > low)) return 0;
        return Math.Clamp((int)((x - low) / (high - low) * Count), 0, Count - 1);
    }

    /// <summary>The range the bins divide, on the scale the design samples (a sampled design's parameters have min and max).</summary>
    private (double Low, double High, bool Log) Range(int k)
    {
        var p = _parameters[k];
        double min = p.Min ?? 0, max = p.Max ?? 1;
        return p.Log && min > 0 ? (Math.Log(min), Math.Log(max), true) : (min, max, false);
    }
}
