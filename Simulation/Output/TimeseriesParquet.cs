using Parquet;
using Parquet.Schema;
using TrustSim.Engine;
using TrustSim.Experiments;

namespace TrustSim.Output;

/// <summary>
/// timeseries.parquet of a sweep: columns point, replication, step, date and every StepMetrics
/// column; one row group per completed run, in run-id order, copied from the run's spool file so
/// only one run's series is in memory at a time.
/// </summary>
internal static class TimeseriesParquet
{
    public const string FileName = "timeseries.parquet";

    public static readonly DataField<int> Point = new("point");
    public static readonly DataField<int> Replication = new("replication");
    public static readonly DataField<int> Step = new("step");
    public static readonly DataField<DateOnly> Date = new("date");

    public static IReadOnlyList<DataField<double>> Metrics { get; } =
        StepMetrics.Columns.Select(c => new DataField<double>(c.Name)).ToArray();

    public static ParquetSchema Schema { get; } = new([Point, Replication, Step, Date, .. Metrics]);

    /// <summary>Options fixed here (not library defaults) so the bytes do not change with a default.</summary>
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>Writes the completed runs of <paramref name="entries"/> (in the order given) from the spool in <paramref name="sweepFolder"/>.</summary>
    public static void Write(string path, string sweepFolder, IEnumerable<JournalEntry> entries) =>
        AtomicFile.Write(path, stream => WriteAsync(stream, sweepFolder, entries).GetAwaiter().GetResult());

    private static async Task WriteAsync(Stream stream, string sweepFolder, IEnumerable<JournalEntry> entries)
    {
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(Schema, stream, Options);
        foreach (JournalEntry entry in entries.Where(e => e.Completed))
        {
            SpooledSeries series = RunSpool.Read(sweepFolder, entry.RunId);
            int rows = series.Steps.Length;
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(Point, new ReadOnlyMemory<int>(Enumerable.Repeat(entry.Point, rows).ToArray()));
            await group.WriteAsync(Replication, new ReadOnlyMemory<int>(Enumerable.Repeat(entry.Replication, rows).ToArray()));
            await group.WriteAsync(Step, new ReadOnlyMemory<int>(series.Steps));
            await group.WriteAsync(Date, new ReadOnlyMemory<DateOnly>(series.Dates));
            for (int c = 0; c < Metrics.Count; c++)
            {
                await group.WriteAsync(Metrics[c], new ReadOnlyMemory<double>(series.Values[c]));
            }
        }
    }

    /// <summary>
    /// Reads selected metric columns back, one run (row group) at a time, for charts: calls
    /// <paramref name="visit"/> with point, replication, dates and the chosen columns' values.
    /// </summary>
    public static void ReadRuns(string path, IReadOnlyList<string> metrics, Action<int, int, DateOnly[], double[][]> visit) =>
        ReadRunsAsync(path, metrics, visit).GetAwaiter().GetResult();

    private static async Task ReadRunsAsync(string path, IReadOnlyList<string> metrics, Action<int, int, DateOnly[], double[][]> visit)
    {
        await using FileStream stream = File.OpenRead(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
        var fields = metrics.Select(m => Metrics.FirstOrDefault(f => f.Name == m)
            ?? throw new ArgumentException($"no time series metric '{m}'", nameof(metrics))).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            var point = new int[rows];
            var replication = new int[rows];
            var dates = new DateOnly[rows];
            await group.ReadAsync(Point, point.AsMemory());
            await group.ReadAsync(Replication, replication.AsMemory());
            await group.ReadAsync(Date, dates.AsMemory());
            var values = new double[fields.Length][];
            for (int k = 0; k < fields.Length; k++)
            {
                values[k] = new double[rows];
                await group.ReadAsync(fields[k], values[k].AsMemory());
            }
            if (rows > 0) visit(point[0], replication[0], dates, values);
        }
    }
}
