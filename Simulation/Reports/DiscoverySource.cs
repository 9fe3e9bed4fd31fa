using TrustSim.Analysis.Discovery;
using TrustSim.Core;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// The cases a discovery reads. From a sweep folder (checked against its manifest.json first): one case
/// per completed run from runs.csv, its inputs the swept parameters and its outputs every summary metric;
/// or, with <see cref="DiscoveryUnit.Points"/>, one case per design point from points.csv, where a
/// metric's name stands for its mean over the point's replications. From any other CSV file: one case per
/// row, every column by its header name.
/// </summary>
internal static class DiscoverySource
{
    /// <summary>What was read and how to describe it.</summary>
    /// <param name="Parameters">The swept parameters (the default inputs); empty for a CSV file.</param>
    /// <param name="Name">The sweep's scenario name, or the CSV file's name, for titles.</param>
    /// <param name="File">The file the cases came from.</param>
    /// <param name="Failed">Failed runs of the sweep, not taken as cases.</param>
    internal sealed record Cases(CaseTable Table, DiscoveryUnit Unit, IReadOnlyList<string> Parameters, string Name, string File, int Failed);

    public static Outcome<Cases> Open(string source, DiscoveryUnit? unit)
    {
        try
        {
            if (Directory.Exists(source)) return Sweep(source, unit ?? DiscoveryUnit.Runs);
            if (unit is { } given && given != DiscoveryUnit.Rows)
            {
                return Outcome<Cases>.Failure($"trustsim: --cases {Word(given)} applies to a sweep folder; {source} is a file, whose rows are the cases");
            }
            if (!File.Exists(source)) return Outcome<Cases>.Failure($"trustsim: {source}: no such sweep folder or CSV file");
            return Outcome<Cases>.Success(Csv(source));
        }
        catch (DataFileException e)
        {
            return Outcome<Cases>.Failure($"trustsim: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome<Cases>.Failure($"trustsim: {source}: cannot be read: {e.Message}");
        }
    }

    /// <summary>How the cases are named in messages: runs, design points, rows.</summary>
    public static string Word(DiscoveryUnit unit) => unit switch
    {
        DiscoveryUnit.Runs => "runs",
        DiscoveryUnit.Points => "points",
        _ => "rows",
    };

    private static Outcome<Cases> Sweep(string folder, DiscoveryUnit unit)
    {
        if (unit == DiscoveryUnit.Rows) return Outcome<Cases>.Failure($"trustsim: --cases rows applies to a CSV file; {folder} is a folder (use runs or points)");
        if (!File.Exists(Path.Combine(folder, ManifestJson.FileName)) && !File.Exists(Path.Combine(folder, SweepTables.RunsFile)))
        {
            return Outcome<Cases>.Failure($"trustsim: {folder}: not a sweep folder (no manifest.json, no runs.csv); discover reads a finished sweep folder " +
                "or a CSV file");
        }
        var manifest = ManifestReader.Read(folder);
        if (manifest.Threshold is not null)
        {
            return Outcome<Cases>.Failure($"trustsim: {folder}: a threshold search, whose evaluations bisect one parameter rather than spread over " +
                "the space; run a random, latin_hypercube or sobol sweep to discover from");
        }
        if (manifest.Sweep is not { } sweep)
        {
            string what = manifest.Comparison is not null ? "a comparison folder" : manifest.Calibration is not null ? "a calibration folder"
                : manifest.Discovery is not null ? "a discovery folder" : "a run folder";
            return Outcome<Cases>.Failure($"trustsim: {folder}: {what}, not a sweep folder; discover reads a finished sweep folder or a CSV file");
        }
        ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Failed);
        return unit == DiscoveryUnit.Points ? Outcome<Cases>.Success(Points(folder, manifest.ScenarioName, sweep)) : Outcome<Cases>.Success(Runs(folder, manifest.ScenarioName, sweep));
    }

    /// <summary>runs.csv: run ids 0, 1, 2... as many as the manifest's runs; completed runs are the cases.</summary>
    private static Cases Runs(string folder, string name, SweepInfo sweep)
    {
        string path = Path.Combine(folder, SweepTables.RunsFile);
        using var sheet = CsvSheet.Open(path, ["run_id", "status", .. sweep.Parameters]);
        int id = sheet.Column("run_id"), status = sheet.Column("status");
        int[] parameters = sweep.Parameters.Select(sheet.Column).ToArray();
        var metrics = SummaryMetrics.Columns.Select(c => c.Name).Where(m => sheet.ColumnOrMissing(m) >= 0).ToArray();
        int[] metricColumns = metrics.Select(sheet.Column).ToArray();
        var cells = new List<string>[parameters.Length + metrics.Length];
        for (int c = 0; c < cells.Length; c++) cells[c] = [];
        var lines = new List<long>();
        string[] statuses = ["completed", "failed"];
        int failed = 0;
        while (sheet.Next())
        {
            long expected = sheet.Rows - 1;
            sheet.Integer(id, expected, expected);
            if (expected >= sweep.Runs) throw sheet.Problem($"more rows than the {sweep.Runs} runs in manifest.json");
            if (sheet.Word(status, statuses) != "completed")
            {
                failed++;
                continue;
            }
            for (int p = 0; p < parameters.Length; p++)
            {
                sheet.Number(parameters[p]);
                cells[p].Add(sheet.Text(parameters[p]));
            }
            for (int m = 0; m < metrics.Length; m++)
            {
                sheet.NumberOrMissing(metricColumns[m]);
                cells[parameters.Length + m].Add(sheet.Text(metricColumns[m]));
            }
            lines.Add(sheet.Line);
        }
        if (sheet.Rows != sweep.Runs) throw sheet.FileProblem($"{sheet.Rows} rows for the {sweep.Runs} runs in manifest.json (a truncated file?)");
        var columns = sweep.Parameters.Concat(metrics).Select((n, c) => new CaseColumn(n, cells[c])).ToList();
        return new Cases(new CaseTable(path, columns, lines), DiscoveryUnit.Runs, sweep.Parameters, name, path, failed);
    }

    /// <summary>points.csv: one row per design point, in order; each metric's mean also under the metric's own name.</summary>
    private static Cases Points(string folder, string name, SweepInfo sweep)
    {
        string path = Path.Combine(folder, SweepTables.PointsFile);
        using var sheet = CsvSheet.Open(path, ["point", .. sweep.Parameters]);
        int point = sheet.Column("point");
        var names = sheet.Header.Select(CsvText.Raw).Where(h => h != "point" && !sweep.Parameters.Contains(h)).ToArray();
        int[] parameters = sweep.Parameters.Select(sheet.Column).ToArray();
        int[] statistics = names.Select(sheet.Column).ToArray();
        var cells = new List<string>[parameters.Length + names.Length];
        for (int c = 0; c < cells.Length; c++) cells[c] = [];
        var lines = new List<long>();
        while (sheet.Next())
        {
            int id = sheet.Int(point, lines.Count, lines.Count);
            if (id >= sweep.Points) throw sheet.Problem($"more rows than the {sweep.Points} design points in manifest.json");
            for (int p = 0; p < parameters.Length; p++)
            {
                sheet.Number(parameters[p]);
                cells[p].Add(sheet.Text(parameters[p]));
            }
            for (int s = 0; s < names.Length; s++)
            {
                sheet.NumberOrMissing(statistics[s]);
                cells[parameters.Length + s].Add(sheet.Text(statistics[s]));
            }
            lines.Add(sheet.Line);
        }
        if (lines.Count != sweep.Points) throw sheet.FileProblem($"{lines.Count} rows for the {sweep.Points} design points in manifest.json (a truncated file?)");
        var columns = sweep.Parameters.Concat(names).Select((n, c) => new CaseColumn(n, cells[c])).ToList();
        // A metric's name means its mean here, so the same --where works on runs and on points.
        foreach (var metric in SummaryMetrics.Columns.Select(c => c.Name))
        {
            if (columns.FirstOrDefault(c => c.Name == $"{metric}_mean") is { } mean && columns.All(c => c.Name != metric))
                columns.Add(new CaseColumn(metric, mean.Texts));
        }
        return new Cases(new CaseTable(path, columns, lines), DiscoveryUnit.Points, sweep.Parameters, name, path, 0);
    }

    /// <summary>Any CSV file: a header, then one case per row; numbers as written, text cells as categories.</summary>
    private static Cases Csv(string path)
    {
        using var sheet = CsvSheet.Open(path, [], ourFile: false);
        var header = sheet.Header.Select((h, i) => CsvText.Raw(i == 0 ? h.TrimStart('\uFEFF') : h)).ToArray();
        var cells = header.Select(_ => new List<string>()).ToArray();
        var lines = new List<long>();
        while (sheet.Next())
        {
            for (int c = 0; c < header.Length; c++) cells[c].Add(sheet.Text(c));
            lines.Add(sheet.Line);
        }
        if (lines.Count == 0) throw new DataFileException($"{path}: has a header but no rows: no cases to search");
        var columns = header.Select((h, c) => new CaseColumn(h, cells[c])).ToList();
        return new Cases(new CaseTable(path, columns, lines), DiscoveryUnit.Rows, [], Path.GetFileName(path), path, 0);
    }
}
