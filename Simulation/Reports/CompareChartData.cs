using TrustSim.Analysis;
using TrustSim.Charts;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>The charts of a comparison folder, built from its data files alone (comparison.csv, bands.csv), so compare and plot draw the same.</summary>
internal static class CompareChartData
{
    /// <summary>
    /// The chart jobs of a comparison of <paramref name="sides"/> (labels, side 1 first), its data files read and
    /// checked now (a <see cref="DataFileException"/> when they are not what compare wrote), drawn when the jobs run.
    /// </summary>
    public static IReadOnlyList<ChartJob> Jobs(string folder, IReadOnlyList<string> sides)
    {
        var rows = CompareFolder.ReadComparison(Path.Combine(folder, CompareFolder.FileName), sides);
        bool sweep = rows.Any(r => r["point"].Length > 0);
        return sweep ? CompareSweepCharts.Jobs(rows.Select(ComparedPoint.From).ToList(), sides) : RunJobs(folder, rows, sides);
    }

    private static List<ChartJob> RunJobs(string folder, List<Dictionary<string, string>> rows, IReadOnlyList<string> sides)
    {
        var jobs = new List<ChartJob>();
        var bands = CompareFolder.ReadBands(Path.Combine(folder, CompareFolder.BandsFile), sides);
        foreach (var series in CompareFolder.KeySeries)
        {
            var fans = sides.Select(side =>
            {
                var b = bands.Where(r => r["side"] == side && r["series"] == series).ToArray();
                return new FanBand(side, b.Select(r => DateOnly.ParseExact(r["date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                    b.Select(r => CsvFile.Number(r["mean"])).ToArray(), b.Select(r => CsvFile.Number(r["p05"])).ToArray(),
                    b.Select(r => CsvFile.Number(r["p95"])).ToArray(), b.Select(r => (int)CsvFile.Number(r["n"])).DefaultIfEmpty(0).Max());
            }).ToList();
            var label = Metrics.StepMetrics.Columns.First(c => c.Name == series).Description;
            var spec = new FanChartSpec($"compare-{series}.png", $"Comparison: {series}", "Date",
                char.ToUpperInvariant(label[0]) + label[1..], fans, Share: series != "records_held");
            jobs.Add(new ChartJob(spec.FileName, () => FanChart.Render(spec)));
        }
        var reference = sides[0];
        var spread = rows.Where(r => r["side"] == reference).ToDictionary(r => r["metric"], r => (Sd: CsvFile.Number(r["sd"]), Mean: CsvFile.Number(r["mean"])));
        var dots = new List<DifferenceDot>();
        var skipped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r["side"] != reference && r["difference"].Length > 0))
        {
            var (scale, mean) = spread.GetValueOrDefault(r["metric"], (double.NaN, double.NaN));
            if (Difference.NegligibleSpread(scale, mean))
            {
                skipped.Add(r["metric"]);
                continue;
            }
            dots.Add(new DifferenceDot(r["metric"], r["side"], CsvFile.Number(r["difference"]) / scale,
                CsvFile.Number(r["difference_ci_low"]) / scale, CsvFile.Number(r["difference_ci_high"]) / scale));
        }
        string note = skipped.Count == 0 ? "" : $"undefined, so not shown (no spread in {reference} to scale by): {string.Join(", ", skipped)}";
        jobs.Add(new ChartJob(DifferenceChart.FileName, () => DifferenceChart.Render("Differences between the sides, per summary metric", reference, dots, note)));
        return jobs;
    }
}
