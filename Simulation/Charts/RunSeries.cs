using TrustSim.Engine;
using TrustSim.Metrics;

namespace TrustSim.Charts;

/// <summary>
/// The time axis of a run and per-step statistics of a metric across its replications.
/// Replications share the schedule, so step i of each lines up; a shorter (stopped)
/// replication simply contributes to fewer steps.
/// </summary>
internal sealed class RunSeries
{
    private readonly IReadOnlyList<RunResult> _results;

    public RunSeries(IReadOnlyList<RunResult> results)
    {
        _results = results;
        IReadOnlyList<StepMetrics> longest = results.Count == 0 ? [] : results.MaxBy(r => r.Steps.Count)!.Steps;
        Steps = longest.Select(s => s.Step).ToArray();
        Dates = longest.Select(s => s.Date).ToArray();
        X = Dates.Select(d => d.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
    }

    /// <summary>Step number of each point (0 is the initial state).</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <summary>Calendar date of each step.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Each step's date as an OLE automation date, the x unit of ScottPlot's date axis.</summary>
    public double[] X { get; }

    public int Count => X.Length;

    public int Replications => _results.Count;

    /// <summary>Mean over replications at each step, ignoring NaN; NaN where no replication has a value.</summary>
    public double[] Mean(Func<StepMetrics, double> read) => PerStep(read, Mean);

    /// <summary>The q-quantile (0..1) over replications at each step, linear interpolation, NaN ignored.</summary>
    public double[] Quantile(Func<StepMetrics, double> read, double q) => PerStep(read, v => Quantile(v, q));

    private double[] PerStep(Func<StepMetrics, double> read, Func<List<double>, double> reduce)
    {
        var output = new double[Count];
        var values = new List<double>(_results.Count);
        for (int i = 0; i < Count; i++)
        {
            values.Clear();
            foreach (RunResult result in _results)
            {
                if (i < result.Steps.Count && read(result.Steps[i]) is var v && !double.IsNaN(v))
                {
                    values.Add(v);
                }
            }
            output[i] = values.Count == 0 ? double.NaN : reduce(values);
        }
        return output;
    }

    private static double Mean(List<double> values) => values.Sum() / values.Count;

    private static double Quantile(List<double> values, double q)
    {
        values.Sort();
        double position = q * (values.Count - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, values.Count - 1);
        return values[low] + (position - low) * (values[high] - values[low]);
    }
}
