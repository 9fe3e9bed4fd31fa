using System.Globalization;
using Parquet;
using Parquet.Schema;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// timeseries.parquet of a sweep: columns point, replication, step, date and every StepMetrics
/// column; completed runs in run-id order, whole runs per row group of at most
/// <see cref="RowGroupRows"/> rows, copied from the spool so memory stays bounded.
/// </summary>
internal static class TimeseriesParquet
{
    public const string FileName = "timeseries.parquet";

    /// <summary>Most rows in a row group (a longer single run gets a group of its own).</summary>
    public const int RowGroupRows = 65_536;

    public static readonly DataField<int> Point = new("point");
    public static readonly DataField<int> Replication = new("replication");
    public static readonly DataField<int> Step = new("step");
    public static readonly DataField<DateOnly> Date = new("date");

    public static IReadOnlyList<DataField<double>> Metrics { get; } =
        StepMetrics.Columns.Select(c => new DataField<double>(c.Name)).ToArray();

    public static ParquetSchema Schema { get; } = new([Point, Replication, Step, Date, .. Metrics]);

    /// <summary>The columns as datapackage.json describes them, in <see cref="Schema"/>'s order (an undefined value is NaN here, not empty).</summary>
    public static IReadOnlyList<TableField> Fields { get; } =
        [SweepTables.Point, RunCsv.Replication, RunCsv.Step, RunCsv.Date, .. StepMetrics.Columns.Select(TableField.Metric)];

    /// <summary>More rows than any group we write (one run of the most steps a scenario may have): a larger count is corruption, not a reason to allocate.</summary>
    internal const long MaxGroupRows = 100_001 + RowGroupRows;

    /// <summary>Options fixed here (not library defaults) so the bytes do not change with a default.</summary>
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>
    /// Writes the completed runs of <paramref name="entries"/> (in ascending run-id order) from
    /// <paramref name="store"/>, which must hold each of them whole.
    /// </summary>
    /// <exception cref="InvalidDataException">A completed run's series is missing or damaged (the run and why named).</exception>
    public static void Write(string path, RunSeriesStore store, IEnumerable<JournalEntry> entries) =>
        AtomicFile.Write(path, stream => WriteGroups(stream, store, entries));

    /// <summary>
    /// Reading a row group's runs from the spool and encoding the group cost about the same, so they
    /// overlap: one batch fills on this thread while the one before is encoded and written on a thread
    /// of its own (a dedicated one, as in <see cref="JournalFanOut"/>, so the Parquet writer's own
    /// asynchronous steps never wait for a pool thread). Groups are still written one at a time, in order.
    /// </summary>
    private static void WriteGroups(Stream stream, RunSeriesStore store, IEnumerable<JournalEntry> entries)
    {
        ParquetWriter writer = ParquetWriter.CreateAsync(Schema, stream, Options).GetAwaiter().GetResult();
        var filling = new RowBatch(Metrics.Count);
        var written = new RowBatch(Metrics.Count);
        Task writing = Task.CompletedTask;
        var series = new RunSeries();
        try
        {
            foreach (JournalEntry entry in entries.Where(e => e.Completed))
            {
                if (store.Read(entry.RunId, series) is { } problem)
                    throw new InvalidDataException($"run {entry.RunId.ToString(CultureInfo.InvariantCulture)} is journaled as completed, but its time series is {problem}");
                if (filling.Rows > 0 && filling.Rows + series.Rows > RowGroupRows)
                {
                    writing.GetAwaiter().GetResult(); // the group before is written and its batch cleared
                    (filling, written) = (written, filling);
                    var full = written;
                    writing = Task.Factory.StartNew(() => Flush(writer, full).GetAwaiter().GetResult(), CancellationToken.None,
                        TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }
                filling.Add(entry, series);
            }
            writing.GetAwaiter().GetResult();
            if (filling.Rows > 0) Flush(writer, filling).GetAwaiter().GetResult();
        }
        finally
        {
            // A damaged run stops the reading while a group may still be in flight: the writer and the
            // stream are closed only once it has finished (the damage is what gets reported).
            if (!writing.IsCompleted) ((IAsyncResult)writing).AsyncWaitHandle.WaitOne();
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static async Task Flush(ParquetWriter writer, RowBatch batch)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        int rows = batch.Rows;
        await group.WriteAsync(Point, new ReadOnlyMemory<int>(batch.Point, 0, rows));
        await group.WriteAsync(Replication, new ReadOnlyMemory<int>(batch.Replication, 0, rows));
        await group.WriteAsync(Step, new ReadOnlyMemory<int>(batch.Step, 0, rows));
        await group.WriteAsync(Date, new ReadOnlyMemory<DateOnly>(batch.Date, 0, rows));
        for (int c = 0; c < Metrics.Count; c++)
        {
            await group.WriteAsync(Metrics[c], new ReadOnlyMemory<double>(batch.Values[c], 0, rows));
        }
        batch.Clear();
    }

    /// <summary>
    /// Rows of whole runs waiting for their row group. Row groups hold several runs because the
    /// writer keeps every row group's metadata until the footer (about 17 KB each here): one group
    /// per run would make memory grow with the number of runs. Columns grow as runs arrive and are
    /// handed to the writer as they are, not copied.
    /// </summary>
    private sealed class RowBatch(int metrics)
    {
        public int[] Point { get; private set; } = [];
        public int[] Replication { get; private set; } = [];
        public int[] Step { get; private set; } = [];
        public DateOnly[] Date { get; private set; } = [];
        public double[][] Values { get; } = Enumerable.Range(0, metrics).Select(_ => Array.Empty<double>()).ToArray();

        public int Rows { get; private set; }

        public void Add(JournalEntry entry, RunSeries series)
        {
            int rows = series.Rows;
            Reserve(Rows + rows);
            Point.AsSpan(Rows, rows).Fill(entry.Point);
            Replication.AsSpan(Rows, rows).Fill(entry.Replication);
            series.Steps.AsSpan(0, rows).CopyTo(Step.AsSpan(Rows));
            for (int r = 0; r < rows; r++) Date[Rows + r] = DateOnly.FromDayNumber(series.Days[r]);
            for (int c = 0; c < Values.Length; c++) series.Values[c].AsSpan(0, rows).CopyTo(Values[c].AsSpan(Rows));
            Rows += rows;
        }

        public void Clear() => Rows = 0;

        private void Reserve(int rows)
        {
            if (rows <= Step.Length) return;
            // Doubling up to a full group (a small sweep never needs one), or room for the one run longer than a group.
            int size = Math.Max(rows, Math.Min(RowGroupRows, Math.Max(4096, 2 * Step.Length)));
            Point = Grown(Point, Rows, size);
            Replication = Grown(Replication, Rows, size);
            Step = Grown(Step, Rows, size);
            Date = Grown(Date, Rows, size);
            for (int c = 0; c < Values.Length; c++) Values[c] = Grown(Values[c], Rows, size);
        }

        private static T[] Grown<T>(T[] column, int used, int size)
        {
            var grown = new T[size];
            column.AsSpan(0, used).CopyTo(grown);
            return grown;
        }
    }

    /// <summary>
    /// Reads selected metric columns back, one row group at a time, for charts: calls
    /// <paramref name="visit"/> for each run with point, replication, dates and the chosen columns' values.
    /// A file that is not the Parquet we write (truncated, bytes flipped, a column missing, an infinite
    /// value) is a <see cref="DataFileException"/> naming it, whatever Parquet.Net threw.
    /// </summary>
    public static void ReadRuns(string path, IReadOnlyList<string> metrics, Action<int, int, DateOnly[], double[][]> visit)
    {
        var fields = metrics.Select(m => Metrics.FirstOrDefault(f => f.Name == m)
            ?? throw new ArgumentException($"no time series metric '{m}'", nameof(metrics))).ToArray();
        if (!File.Exists(path)) throw new DataFileException($"{path}: missing (the folder is incomplete, or not a finished sweep folder)");
        try
        {
            ReadRunsAsync(path, fields, visit).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (DataFileException or OperationCanceledException or OutOfMemoryException))
        {
            // Parquet.Net reports corrupt input with many exception types (its own, IO, Thrift, Snappy, index and
            // argument errors); to the user each is the same thing: this file is not what the sweep wrote.
            throw new DataFileException($"{path}: not a readable timeseries.parquet ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private static async Task ReadRunsAsync(string path, DataField<double>[] fields, Action<int, int, DateOnly[], double[][]> visit)
    {
        await using FileStream stream = WholeFile.Open(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            if (group.RowCount is < 0 or > MaxGroupRows) throw new DataFileException($"{path}: row group {g} claims {group.RowCount} rows");
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
                // The sweep writes NaN for an undefined value, never an infinity: one here is a flipped bit.
                if (Array.FindIndex(values[k], double.IsInfinity) is var bad and >= 0)
                    throw new DataFileException($"{path}: row group {g}, row {bad}, column {fields[k].Name}: an infinite value");
            }
            // A group holds whole runs back to back; a run ends where point or replication changes.
            for (int start = 0, end; start < rows; start = end)
            {
                for (end = start + 1; end < rows && point[end] == point[start] && replication[end] == replication[start]; end++) { }
                int from = start, to = end;
                visit(point[start], replication[start], dates[from..to], values.Select(v => v[from..to]).ToArray());
            }
        }
    }
}
