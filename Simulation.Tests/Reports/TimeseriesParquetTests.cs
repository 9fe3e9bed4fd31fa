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
        RunSpool.Write(dir.Path, 0, steps);
        RunSpool.Write(dir.Path, 1, steps);
        JournalEntry[] entries =
        [
            new(0, 0, 0, 1, true, null, new double[SummaryMetrics.Columns.Count]),
            new(1, 0, 1, 2, true, null, new double[SummaryMetrics.Columns.Count]),
        ];

        TimeseriesParquet.Write(dir.File("a.parquet"), dir.Path, entries);
        TimeseriesParquet.Write(dir.File("b.parquet"), dir.Path, entries);

        Assert.Equal(File.ReadAllBytes(dir.File("a.parquet")), File.ReadAllBytes(dir.File("b.parquet")));
        var read = new List<(int Replication, DateOnly[] Dates, double[] Reputation)>();
        TimeseriesParquet.ReadRuns(dir.File("a.parquet"), ["reputation"], (_, r, d, v) => read.Add((r, d, v[0])));
        Assert.Equal([0, 1], read.Select(r => r.Replication));
        Assert.Equal(steps.Select(s => s.Reputation), read[1].Reputation);
        Assert.Equal(new DateOnly(2018, 1, 29), read[0].Dates[4]);
    }
}
