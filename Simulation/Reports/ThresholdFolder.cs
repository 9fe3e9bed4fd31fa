using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>The data files of a threshold sweep: threshold.csv (one row per evaluation) and runs.csv (one row per run).</summary>
internal static class ThresholdFolder
{
    public const string FileName = "threshold.csv";

    /// <summary>threshold.csv's columns; the metric and the parameter are the scenario's sweep.threshold and sweep.parameters.</summary>
    public static IReadOnlyList<TableField> Fields { get; } =
    [
        TableField.Integer("evaluation", "evaluation number, from 0 (0 and 1 are the bounds, then the bisection)"),
        TableField.Number("value", "the searched parameter's value at this evaluation"),
        TableField.Number("mean", "the threshold metric's mean over the evaluation's replications"),
        TableField.Number("ci_low", "lower end of the mean's 95% interval"),
        TableField.Number("ci_high", "upper end of the mean's 95% interval"),
        TableField.Integer("n", "completed replications of the evaluation") with { Minimum = 0 },
    ];

    public static IReadOnlyList<string> Header { get; } = Fields.Select(f => f.Name).ToArray();

    /// <summary>One finished run of an evaluation: its seed and summary, or the error that stopped it.</summary>
    internal sealed record RunRow(int Evaluation, int Replication, ulong Seed, double Value, SummaryMetrics? Summary, string? Error);

    public static void WriteEvaluations(string path, IReadOnlyList<ThresholdEvaluation> evaluations) =>
        CsvTable.Write(path, Header, evaluations.Select(e => (IReadOnlyList<string>)
        [
            CsvText.Integer(e.Index), CsvText.Number(e.Value), CsvText.Number(e.Statistics.Mean),
            CsvText.Number(e.Statistics.CiLow), CsvText.Number(e.Statistics.CiHigh), CsvText.Integer(e.Statistics.N),
        ]));

    /// <summary>runs.csv as a sweep writes it, with the evaluation index in the point column.</summary>
    public static void WriteRuns(string path, string parameter, IReadOnlyList<RunRow> runs, int replications)
    {
        IReadOnlyList<string> header = SweepTables.RunsFields([parameter]).Select(f => f.Name).ToArray();
        CsvTable.Write(path, header, runs.OrderBy(r => r.Evaluation).ThenBy(r => r.Replication).Select(r => (IReadOnlyList<string>)
        [
            CsvText.Integer((long)r.Evaluation * replications + r.Replication), CsvText.Integer(r.Evaluation), CsvText.Integer(r.Replication),
            CsvText.Seed(r.Seed), CsvText.Number(r.Value),
            .. SummaryMetrics.Columns.Select(c => r.Summary is { } s ? CsvText.Number(c.Read(s)) : ""),
            r.Summary is null ? "failed" : "completed", r.Error ?? "",
        ]));
    }

    /// <summary>
    /// threshold.csv back, for plot: evaluations numbered 0, 1, 2... in order, <paramref name="evaluations"/>
    /// of them (manifest.json's count), the value a finite number, the mean and interval finite or empty, n at
    /// most <paramref name="replications"/>.
    /// </summary>
    public static List<(int Index, double Value, double Mean, double Low, double High, int N)> Read(string path, int evaluations, int replications)
    {
        var rows = new List<(int, double, double, double, double, int)>();
        using var sheet = CsvSheet.Open(path, Header);
        int[] c = Header.Select(sheet.Column).ToArray();
        while (sheet.Next())
        {
            int index = sheet.Int(c[0], rows.Count, rows.Count);
            if (index >= evaluations) throw sheet.Problem($"more rows than the {evaluations} evaluations in manifest.json");
            rows.Add((index, sheet.Number(c[1]), sheet.NumberOrMissing(c[2]), sheet.NumberOrMissing(c[3]), sheet.NumberOrMissing(c[4]),
                sheet.Int(c[5], 0, replications)));
        }
        if (rows.Count != evaluations) throw sheet.FileProblem($"{rows.Count} rows for the {evaluations} evaluations in manifest.json (a truncated file?)");
        return rows;
    }
}
