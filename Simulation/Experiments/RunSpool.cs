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

    // Magic, run id, row count, column count.
    private const int HeaderBytes = sizeof(int) + sizeof(long) + sizeof(int) + sizeof(int);

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

    /// <summary>
    /// Why run <paramref name="runId"/>'s spool file cannot be trusted (missing, empty, cut short,
    /// another run's, other metrics), or null when its header is right and its length is what the
    /// header promises. The tool writes it atomically, so a damaged one comes from outside (a file system
    /// fault, a copy cut short, a hand edit); it is checked before use rather than assumed whole.
    /// </summary>
    public static string? Problem(string sweepFolder, long runId)
    {
        string path = PathOf(sweepFolder, runId);
        try
        {
            // A regular file only: a FIFO in its place is refused at once, never waited on.
            var opened = RegularFile.OpenRead(path);
            if (!opened.Ok) return opened.Problems[0] == RegularFile.NotFound ? "missing" : $"unreadable ({string.Join("; ", opened.Problems)})";
            using var stream = opened.Value!;
            return Check(stream, runId, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }
    }

    /// <summary>One run's spooled series as columns: steps, dates, and values[column][row].</summary>
    /// <exception cref="InvalidDataException">The file is not run <paramref name="runId"/>'s whole spool file (its path and why named).</exception>
    public static SpooledSeries Read(string sweepFolder, long runId)
    {
        string path = PathOf(sweepFolder, runId);
        using var stream = WholeFile.Open(path);
        if (Check(stream, runId, out int rows) is { } problem)
        {
            throw new InvalidDataException($"{path}: {problem}");
        }
        using var reader = new BinaryReader(stream);
        int columns = StepMetrics.Columns.Count;
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

    /// <summary>Reads and checks the header, leaving the stream at the first row; null when the file is whole.</summary>
    private static string? Check(Stream stream, long runId, out int rows)
    {
        rows = 0;
        long length = stream.Length;
        if (length == 0) return "empty";
        if (length < HeaderBytes) return string.Create(CultureInfo.InvariantCulture, $"cut short ({length} bytes, less than its {HeaderBytes}-byte header)");
        using var reader = new BinaryReader(stream, AtomicFile.Utf8, leaveOpen: true);
        if (reader.ReadInt32() != Magic) return "not a spool file (wrong first bytes)";
        long id = reader.ReadInt64();
        if (id != runId) return string.Create(CultureInfo.InvariantCulture, $"the spool file of run {id}, not of run {runId}");
        rows = reader.ReadInt32();
        int columns = reader.ReadInt32();
        if (columns != StepMetrics.Columns.Count || rows < 0)
            return string.Create(CultureInfo.InvariantCulture, $"written with {columns} metrics a step, not this tool's {StepMetrics.Columns.Count}");
        long expected = HeaderBytes + (long)rows * RowBytes(columns);
        if (length != expected)
            return string.Create(CultureInfo.InvariantCulture, $"{(length < expected ? "cut short" : "too long")} ({length} bytes; its header promises {rows} steps, {expected} bytes)");
        return null;
    }

    private static long RowBytes(int columns) => sizeof(int) + sizeof(int) + (long)columns * sizeof(double);
}

/// <summary>A run's time series column by column, as read back from its spool file.</summary>
internal sealed record SpooledSeries(int[] Steps, DateOnly[] Dates, double[][] Values);
