using System.Globalization;
using TrustSim.Core;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// parts/: each finished run's time series in a small binary file named by its run id, written
/// atomically before the run's journal line. The sweep's timeseries.parquet is assembled from these
/// in run-id order, one run at a time, so no step of a sweep holds every run's series.
/// </summary>
internal static class RunSpool
{
    public const string FolderName = "parts";
    private const int Magic = 0x31505354; // "TSP1" little-endian

    public static string PathOf(string sweepFolder, long runId) =>
        Path.Combine(sweepFolder, FolderName, runId.ToString("D8", CultureInfo.InvariantCulture) + ".bin");

    /// <summary>Writes one run's steps: step number, date and every StepMetrics column as a double.</summary>
    public static void Write(string sweepFolder, long runId, IReadOnlyList<StepMetrics> steps)
    {
        AtomicFile.Write(PathOf(sweepFolder, runId), stream =>
        {
            using var writer = new BinaryWriter(stream, AtomicFile.Utf8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(runId);
            writer.Write(steps.Count);
            writer.Write(StepMetrics.Columns.Count);
            foreach (StepMetrics step in steps)
            {
                writer.Write(step.Step);
                writer.Write(step.Date.DayNumber);
                foreach (MetricColumn<StepMetrics> column in StepMetrics.Columns)
                {
                    writer.Write(column.Read(step));
                }
            }
        });
    }

    /// <summary>One run's spooled series as columns: steps, dates, and values[column][row].</summary>
    public static SpooledSeries Read(string sweepFolder, long runId)
    {
        string path = PathOf(sweepFolder, runId);
        using var reader = new BinaryReader(File.OpenRead(path));
        int columns = StepMetrics.Columns.Count;
        if (reader.ReadInt32() != Magic || reader.ReadInt64() != runId)
        {
            throw new InvalidDataException($"{path}: not the spool file of run {runId}");
        }
        int rows = reader.ReadInt32();
        if (reader.ReadInt32() != columns || rows < 0)
        {
            throw new InvalidDataException($"{path}: written with another set of metrics; rerun the sweep");
        }
        var stepNumbers = new int[rows];
        var dates = new DateOnly[rows];
        var values = new double[columns][];
        for (int c = 0; c < columns; c++) values[c] = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            stepNumbers[r] = reader.ReadInt32();
            dates[r] = DateOnly.FromDayNumber(reader.ReadInt32());
            for (int c = 0; c < columns; c++) values[c][r] = reader.ReadDouble();
        }
        return new SpooledSeries(stepNumbers, dates, values);
    }
}

/// <summary>A run's time series column by column, as read back from its spool file.</summary>
internal sealed record SpooledSeries(int[] Steps, DateOnly[] Dates, double[][] Values);
