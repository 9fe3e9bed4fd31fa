using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class TimeseriesParquetTests
{
    [Fact]
    public void Write_SameRunsTwice_IsByteIdenticalAndReadsBack()
    {
        using var dir = new TempFolder();
        var steps = Enumerable.Range(0, 5).Select(i => new StepMetrics
        {
            Step = i, Date = new DateOnly(2018, 1, 1).AddDays(7 * i), Reputation = 0.8 - 0.01 * i, PartnersFull = 0.1 * i,
        }).ToList();
        using (var spool = SpoolWriter.Create(RunSpool.PathOf(dir.Path, 1, 0)))
        {
            spool.Append(0, steps);
            spool.Append(1, steps);
        }
        JournalEntry[] entries =
        [
            new(0, 0, 0, 1, true, null, new double[SummaryMetrics.Columns.Count]),
            new(1, 0, 1, 2, true, null, new double[SummaryMetrics.Columns.Count]),
        ];

        using (var store = new RunSeriesStore(RunSpool.Sources(dir.Path))) TimeseriesParquet.Write(dir.File("a.parquet"), store, entries);
        using (var store = new RunSeriesStore(RunSpool.Sources(dir.Path))) TimeseriesParquet.Write(dir.File("b.parquet"), store, entries);

        Assert.Equal(File.ReadAllBytes(dir.File("a.parquet")), File.ReadAllBytes(dir.File("b.parquet")));
        var read = new List<(int Replication, DateOnly[] Dates, double[] Reputation)>();
        TimeseriesParquet.ReadRuns(dir.File("a.parquet"), ["reputation"], (_, r, d, v) => read.Add((r, d, v[0])));
        Assert.Equal([0, 1], read.Select(r => r.Replication));
        Assert.Equal(steps.Select(s => s.Reputation), read[1].Reputation);
        Assert.Equal(new DateOnly(2018, 1, 29), read[0].Dates[4]);
    }

    // Runs of 25,000 rows: two fill a row group of at most 65,536, so six make three groups, each
    // encoded while the next is read from the spool.
    private static List<StepMetrics> LongRun() => Enumerable.Range(0, 25_000).Select(i => new StepMetrics
    {
        Step = i, Date = new DateOnly(2018, 1, 1).AddDays(7 * i), Reputation = 0.5 + 1e-6 * i,
    }).ToList();

    [Fact]
    public void Write_RunsOverSeveralRowGroups_ReadBackWholeAndInOrder()
    {
        using var dir = new TempFolder();
        var steps = LongRun();
        using (var spool = SpoolWriter.Create(RunSpool.PathOf(dir.Path, 1, 0)))
        {
            for (int id = 0; id < 6; id++) spool.Append(id, steps);
        }
        var entries = Enumerable.Range(0, 6).Select(id => new JournalEntry(id, id, 0, 1, true, null, new double[SummaryMetrics.Columns.Count]));

        using (var store = new RunSeriesStore(RunSpool.Sources(dir.Path))) TimeseriesParquet.Write(dir.File("t.parquet"), store, entries);

        var read = new List<(int Point, double[] Reputation)>();
        TimeseriesParquet.ReadRuns(dir.File("t.parquet"), ["reputation"], (p, _, _, v) => read.Add((p, v[0])));
        Assert.Equal([0, 1, 2, 3, 4, 5], read.Select(r => r.Point));
        Assert.All(read, r => Assert.Equal(steps.Select(s => s.Reputation), r.Reputation));
    }

    [Fact]
    public void Write_RunMissingFromTheSpoolInALaterGroup_ThrowsNamingItAndWritesNoFile()
    {
        using var dir = new TempFolder();
        var steps = LongRun();
        using (var spool = SpoolWriter.Create(RunSpool.PathOf(dir.Path, 1, 0)))
        {
            for (int id = 0; id < 6; id++)
            {
                if (id != 4) spool.Append(id, steps);
            }
        }
        // Run 4 is read while the group of runs 2 and 3 may still be being written.
        var entries = Enumerable.Range(0, 6).Select(id => new JournalEntry(id, id, 0, 1, true, null, new double[SummaryMetrics.Columns.Count]));

        using var store = new RunSeriesStore(RunSpool.Sources(dir.Path));
        var e = Assert.Throws<InvalidDataException>(() => TimeseriesParquet.Write(dir.File("t.parquet"), store, entries));

        Assert.StartsWith("run 4 is journaled as completed, but its time series is missing", e.Message);
        Assert.False(File.Exists(dir.File("t.parquet")));
    }

    [Fact]
    public void ParquetRunSource_AWrittenFile_GivesBackTheRunsItWasWrittenFrom()
    {
        using var dir = new TempFolder();
        var runs = Enumerable.Range(0, 6).Select(id => Enumerable.Range(0, 700 + id).Select(i => new StepMetrics
        {
            Step = i, Date = new DateOnly(2018, 1, 1).AddDays(7 * i), Reputation = 0.8 - 1e-4 * i * id, ReputationNone = double.NaN,
        }).ToList()).ToList();
        using (var spool = SpoolWriter.Create(RunSpool.PathOf(dir.Path, 1, 0)))
        {
            for (int id = 0; id < runs.Count; id++) spool.Append(id, runs[id]);
        }
        // Three replications a point; run 4 failed, so the file has no rows of it.
        var entries = Enumerable.Range(0, 6).Select(id => new JournalEntry(id, id / 3, id % 3, 1, id != 4, id == 4 ? "x" : null,
            id == 4 ? [] : new double[SummaryMetrics.Columns.Count])).ToList();
        using (var store = new RunSeriesStore(RunSpool.Sources(dir.Path))) TimeseriesParquet.Write(dir.File("t.parquet"), store, entries);

        using var source = new ParquetRunSource(dir.File("t.parquet"), 3);
        var series = new RunSeries();
        foreach (int id in new[] { 0, 1, 2, 3, 5 })
        {
            Assert.True(source.Advance());
            Assert.Equal(id, source.Current);
            Assert.Null(source.Read(series));
            Assert.Equal(runs[id].Count, series.Rows);
            Assert.Equal(runs[id].Select(s => s.Reputation), series.Values[0].Take(series.Rows));
            Assert.Equal(runs[id][^1].Date.DayNumber, series.Days[series.Rows - 1]);
        }
        Assert.False(source.Advance());
        Assert.Null(source.Problem);
    }

    [Fact]
    public void ParquetRunSource_ADamagedFile_EndsWithAProblemNamingIt()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(dir.File("t.parquet"), [.. "PAR1"u8, 1, 2, 3, .. "PAR1"u8]);

        using var source = new ParquetRunSource(dir.File("t.parquet"), 3);

        Assert.False(source.Advance());
        Assert.StartsWith("not a readable timeseries.parquet (", source.Problem);
    }
}
