using TrustSim.Metrics;

namespace TrustSim.Reports.Html;

/// <summary>The page of a run folder: the summary metrics across replications, the run charts, the scenario.</summary>
internal static class RunPage
{
    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        var summary = CsvRows.Read(source.PathOf(RunCsv.SummaryFile), ["replication", "seed"]);
        int n = summary.Rows.Count;
        var facts = new List<string> { $"{ReportNumbers.Count(n)} replication{(n == 1 ? "" : "s")}" };
        if (source.Scenario is { } scenario)
            facts.Add($"{ReportNumbers.Count(scenario.Time.Steps)} {scenario.Time.Step.ToString().ToLowerInvariant()}ly steps from {scenario.Time.Start:yyyy-MM-dd}");
        facts.Add($"master seed {manifest.MasterSeed}");
        facts.Add($"ended {ProvenanceFacts.Time(manifest.EndedUtc)}");
        return ReportPages.Page(source, "Run", manifest.ScenarioName, facts, [], [SummaryTable(summary)], RunFolder.ScenarioFile);
    }

    /// <summary>One row per summary metric: its mean, standard deviation, least and greatest value over the replications.</summary>
    private static ReportTable SummaryTable(CsvRows summary)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (int c = 0; c < summary.Header.Count; c++)
        {
            string name = summary.Header[c];
            if (name is "replication" or "seed") continue;
            double[] values = summary.Rows.Select(r => CsvRows.Number(r, c)).Where(double.IsFinite).ToArray();
            string description = SummaryMetrics.Columns.FirstOrDefault(m => m.Name == name)?.Description ?? "";
            rows.Add(values.Length == 0
                ? [name, description, "", "", "", "", "0"]
                : [name, description, ReportNumbers.Format(values.Average()), ReportNumbers.Format(StandardDeviation(values)),
                    ReportNumbers.Format(values.Min()), ReportNumbers.Format(values.Max()), ReportNumbers.Count(values.Length)]);
        }
        int n = summary.Rows.Count;
        return ReportTable.Whole("summary", "Summary metrics across replications",
            $"Over the {ReportNumbers.Count(n)} replication{(n == 1 ? "" : "s")} of the run; sd is the sample standard deviation (empty with one replication). " +
            "Each replication's values, with its seed, are in summary.csv.",
            [new("metric"), ReportColumn.Prose("what it is"), ReportColumn.Number("mean"), ReportColumn.Number("sd"), ReportColumn.Number("min"),
                ReportColumn.Number("max"), ReportColumn.Number("n")],
            rows);
    }

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2) return double.NaN;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
