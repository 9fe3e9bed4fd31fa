using System.Runtime.CompilerServices;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// One run's time series column by column: step numbers, dates (as day numbers) and
/// values[column][row] for every <see cref="StepMetrics"/> column. A reader fills the same instance
/// run after run, growing it only for a longer run, so reading a sweep's runs allocates nothing per run.
/// </summary>
internal sealed class RunSeries
{
    public RunSeries() => Values = Enumerable.Range(0, StepMetrics.Columns.Count).Select(_ => Array.Empty<double>()).ToArray();

    /// <summary>Rows (steps recorded, step 0 included) of the run now held.</summary>
    public int Rows { get; private set; }

    /// <summary>Step numbers; only the first <see cref="Rows"/> entries belong to the run.</summary>
    public int[] Steps { get; private set; } = [];

    /// <summary>Dates as <see cref="DateOnly.DayNumber"/>; only the first <see cref="Rows"/> entries belong to the run.</summary>
    public int[] Days { get; private set; } = [];

    /// <summary>values[column][row], columns in <see cref="StepMetrics.Columns"/> order.</summary>
    public double[][] Values { get; }

    /// <summary>Makes room for <paramref name="rows"/> rows and holds that many from now on.</summary>
    public void Resize(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (Steps.Length < rows)
        {
            Steps = new int[rows];
            Days = new int[rows];
            for (int c = 0; c < Values.Length; c++) Values[c] = new double[rows];
        }
        Rows = rows;
    }

    /// <summary>Fills the series from the steps a run recorded.</summary>
    // Run for every run of a sweep: compiled optimised at first call, not run precompiled and compiled again.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void From(IReadOnlyList<StepMetrics> steps)
    {
        Resize(steps.Count);
        var columns = StepMetrics.Columns;
        for (int r = 0; r < steps.Count; r++)
        {
            StepMetrics step = steps[r];
            Steps[r] = step.Step;
            Days[r] = step.Date.DayNumber;
            for (int c = 0; c < columns.Count; c++) Values[c][r] = columns[c].Read(step);
        }
    }
}
