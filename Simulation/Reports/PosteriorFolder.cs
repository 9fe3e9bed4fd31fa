using TrustSim.Analysis;
using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Lays out the folder of a posterior calibration: scenario.yaml (the resolved scenario, observations
/// written inline), the data files of <see cref="PosteriorCsv"/>, charts/ and, last, manifest.json. The
/// charts are drawn from the files read back, the same way <c>plot</c> redraws them, so both give the
/// same images.
/// </summary>
internal static class PosteriorFolder
{
    public const string PosteriorFile = "posterior.csv";
    public const string SummaryFile = "summary.csv";
    public const string FitFile = CalibrationFolder.FitFile;
    public const string CorrelationFile = "correlation.csv";
    public const string ProfileFile = "profile.csv";
    public const string PredictiveFile = "predictive.csv";

    /// <summary>
    /// Writes every file of the folder; <paramref name="scenario"/> is the resolved calibration scenario with its
    /// observations inline. Returns the charts that could not be drawn.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, PosteriorResult result, Scenario scenario, Manifest manifest)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.ScenarioFile), ScenarioWriter.ToYaml(scenario));
        PosteriorCsv.WritePosterior(Path.Combine(folder, PosteriorFile), result);
        PosteriorCsv.WriteSummary(Path.Combine(folder, SummaryFile), result);
        PosteriorCsv.WriteFit(Path.Combine(folder, FitFile), result);
        PosteriorCsv.WriteCorrelation(Path.Combine(folder, CorrelationFile), result);
        if (result.Profile.Count > 0)
            PosteriorCsv.WriteProfile(Path.Combine(folder, ProfileFile), result);
        if (result.Predictive is { } predictive)
            PosteriorCsv.WritePredictive(Path.Combine(folder, PredictiveFile), predictive, scenario.Time);

        IReadOnlyList<string> problems;
        try
        {
            problems = ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), PosteriorCharts.Jobs(Read(folder, manifest, scenario))).Problems;
        }
        catch (DataFileException e)
        {
            // Only a bug can make the files just written unreadable; the data stand, the charts wait for plot.
            problems = [$"{folder}: charts not drawn: {e.Message}"];
        }
        ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), manifest);
        return problems;
    }

    /// <summary>
    /// What the charts of the posterior folder <paramref name="folder"/> draw, from its files alone, every file read
    /// now and checked against <paramref name="manifest"/> and <paramref name="scenario"/> (its scenario.yaml): the
    /// quantities are the scenario's parameters and error scales, each chain has the draws the manifest says it
    /// kept, and there is a row of fit.csv per observation. profile.csv and predictive.csv are read when present
    /// (an interrupted calibration has neither).
    /// </summary>
    public static PosteriorChartData Read(string folder, Manifest manifest, Scenario scenario)
    {
        var posterior = manifest.Posterior ?? throw new DataFileException($"{Path.Combine(folder, ManifestJson.FileName)}: has no posterior section");
        var scenarioFile = Path.Combine(folder, RunFolder.ScenarioFile);
        var calibrate = scenario.Calibrate ?? throw new DataFileException($"{scenarioFile}: has no calibrate section, though manifest.json records a posterior calibration");
        var targets = calibrate.Observed.Select(o => CalibrationTarget.Of(scenario.Time, o)).ToList();
        var observations = new ObservationModel(targets, calibrate.Sigma);
        var space = new PosteriorSpace(calibrate.Parameters, observations.Scales);
        var names = space.Quantities.Select(q => q.Name).ToList();

        var draws = ReadDraws(Path.Combine(folder, PosteriorFile), names, posterior);
        var (summaries, convergence) = ReadSummary(Path.Combine(folder, SummaryFile), names);
        var quantities = space.Quantities.Select((q, k) => new PosteriorQuantity(q.Name, q.Prior, q.Log, q.IsErrorScale,
            draws.Select(chain => chain[k].Take(posterior.DrawsUsed).ToArray()).ToList(), summaries[k], convergence[k])).ToList();
        var correlation = ReadCorrelation(Path.Combine(folder, CorrelationFile), names);
        var fit = ReadFit(Path.Combine(folder, FitFile), targets);
        var profilePath = Path.Combine(folder, ProfileFile);
        var profile = File.Exists(profilePath) ? ReadProfile(profilePath, names.Take(space.ParameterCount).ToList()) : [];
        var predictivePath = Path.Combine(folder, PredictiveFile);
        var bands = File.Exists(predictivePath) ? ReadPredictive(predictivePath, targets, scenario.Time.Steps) : [];
        var status = manifest.Status == RunStatus.Interrupted ? PosteriorStatus.Interrupted
            : posterior.Converged ? PosteriorStatus.Converged : PosteriorStatus.NotConverged;
        return new PosteriorChartData(scenario, quantities, space.ParameterCount, correlation, fit, bands, profile, status);
    }

    /// <summary>posterior.csv back: chain by chain, quantity by quantity, the draws the manifest says each chain kept, numbered 1, 2, ...</summary>
    private static List<List<double>[]> ReadDraws(string path, IReadOnlyList<string> names, PosteriorManifest posterior)
    {
        using var sheet = CsvSheet.Open(path, PosteriorCsv.PosteriorHeader(names));
        int chainColumn = sheet.Column("chain"), drawColumn = sheet.Column("draw");
        var columns = names.Select(sheet.Column).ToArray();
        var chains = Enumerable.Range(0, posterior.Chains).Select(_ => names.Select(_ => new List<double>()).ToArray()).ToList();
        while (sheet.Next())
        {
            var chain = sheet.Int(chainColumn, 1, posterior.Chains) - 1;
            var kept = posterior.DrawsKept.Count > chain ? posterior.DrawsKept[chain] : 0;
            var count = chains[chain][0].Count;
            if (count >= kept) throw sheet.Problem($"more draws of chain {chain + 1} than the {kept} in manifest.json");
            sheet.Int(drawColumn, count + 1, count + 1);
            for (var k = 0; k < columns.Length; k++) chains[chain][k].Add(sheet.Number(columns[k]));
        }
        for (var c = 0; c < chains.Count; c++)
        {
            var kept = posterior.DrawsKept.Count > c ? posterior.DrawsKept[c] : 0;
            if (chains[c][0].Count != kept)
                throw sheet.FileProblem($"{chains[c][0].Count} draws of chain {c + 1} for the {kept} in manifest.json (a truncated file?)");
        }
        return chains;
    }

    private static (List<DrawSummary>, List<ChainConvergence>) ReadSummary(string path, IReadOnlyList<string> names)
    {
        using var sheet = CsvSheet.Open(path, PosteriorCsv.SummaryHeader);
        var c = PosteriorCsv.SummaryHeader.Select(sheet.Column).ToArray();
        var summaries = new List<DrawSummary>();
        var convergence = new List<ChainConvergence>();
        while (sheet.Next())
        {
            if (summaries.Count >= names.Count) throw sheet.Problem($"more rows than the {names.Count} quantities of scenario.yaml");
            var name = sheet.Text(c[0]);
            if (name != names[summaries.Count]) throw sheet.Problem(c[0], $"'{name}' where scenario.yaml's quantity {summaries.Count + 1} is '{names[summaries.Count]}'");
            summaries.Add(new DrawSummary(sheet.NumberOrMissing(c[6]), sheet.NumberOrMissing(c[7]), sheet.NumberOrMissing(c[8]),
                sheet.NumberOrMissing(c[9]), sheet.NumberOrMissing(c[10])));
            convergence.Add(new ChainConvergence(sheet.NumberOrMissing(c[11]), sheet.NumberOrMissing(c[12]), sheet.NumberOrMissing(c[13])));
        }
        if (summaries.Count != names.Count) throw sheet.FileProblem($"{summaries.Count} rows for the {names.Count} quantities of scenario.yaml (a truncated file?)");
        return (summaries, convergence);
    }

    private static double[,] ReadCorrelation(string path, IReadOnlyList<string> names)
    {
        using var sheet = CsvSheet.Open(path, ["quantity", .. names]);
        var columns = names.Select(sheet.Column).ToArray();
        var matrix = new double[names.Count, names.Count];
        var row = 0;
        while (sheet.Next())
        {
            if (row >= names.Count) throw sheet.Problem($"more rows than the {names.Count} quantities of scenario.yaml");
            sheet.Word(sheet.Column("quantity"), [names[row]]);
            for (var j = 0; j < names.Count; j++)
            {
                var r = sheet.NumberOrMissing(columns[j]);
                if (r is < -1 or > 1) throw sheet.Problem(columns[j], "is not a correlation (between -1 and 1)");
                matrix[row, j] = r;
            }
            row++;
        }
        if (row != names.Count) throw sheet.FileProblem($"{row} rows for the {names.Count} quantities of scenario.yaml (a truncated file?)");
        return matrix;
    }

    private static List<PosteriorFitRow> ReadFit(string path, IReadOnlyList<CalibrationTarget> targets)
    {
        using var sheet = CsvSheet.Open(path, PosteriorCsv.FitHeader);
        var c = PosteriorCsv.FitHeader.Select(sheet.Column).ToArray();
        var rows = new List<PosteriorFitRow>();
        while (sheet.Next())
        {
            if (rows.Count >= targets.Count) throw sheet.Problem($"more rows than the {targets.Count} observations of scenario.yaml");
            var t = targets[rows.Count];
            sheet.Word(c[1], [t.Metric.Name], "scenario.yaml");
            var step = sheet.Int(c[2], t.Step, t.Step);
            var se = sheet.NumberOrMissing(c[5]);
            var informative = sheet.Text(c[8]) switch
            {
                "" => (bool?)null,
                _ => sheet.Word(c[8], ["true", "false"]) == "true",
            };
            rows.Add(new PosteriorFitRow(sheet.Text(c[0]), t.Metric.Name, step, sheet.Date(c[3]), sheet.Number(c[4]), double.IsNaN(se) ? null : se,
                informative, sheet.NumberOrMissing(c[12]), sheet.NumberOrMissing(c[13]), sheet.NumberOrMissing(c[14])));
        }
        if (rows.Count != targets.Count) throw sheet.FileProblem($"{rows.Count} rows for the {targets.Count} observations of scenario.yaml (a truncated file?)");
        return rows;
    }

    private static List<ProfilePoint> ReadProfile(string path, IReadOnlyList<string> parameters)
    {
        using var sheet = CsvSheet.Open(path, PosteriorCsv.ProfileHeader);
        var c = PosteriorCsv.ProfileHeader.Select(sheet.Column).ToArray();
        var points = new List<ProfilePoint>();
        while (sheet.Next())
        {
            var parameter = parameters.ToList().IndexOf(sheet.Word(c[0], parameters, "scenario.yaml"));
            var logLikelihood = sheet.NumberOrMissing(c[2]);
            points.Add(new ProfilePoint(parameter, sheet.Number(c[1]), double.IsNaN(logLikelihood) ? double.NegativeInfinity : logLikelihood,
                sheet.Int(c[4], 0, int.MaxValue)));
        }
        return points;
    }

    private static List<PredictiveBand> ReadPredictive(string path, IReadOnlyList<CalibrationTarget> targets, int lastStep)
    {
        var metrics = targets.Select(t => t.Metric.Name).Distinct().ToList();
        using var sheet = CsvSheet.Open(path, PosteriorCsv.PredictiveHeader);
        var c = PosteriorCsv.PredictiveHeader.Select(sheet.Column).ToArray();
        var rows = metrics.ToDictionary(m => m, _ => new List<(int Step, double Median, double Low, double High)>());
        while (sheet.Next())
        {
            var metric = sheet.Word(c[0], metrics, "scenario.yaml's observations");
            var list = rows[metric];
            var step = sheet.Int(c[1], list.Count, Math.Min(list.Count, lastStep));
            list.Add((step, sheet.NumberOrMissing(c[3]), sheet.NumberOrMissing(c[4]), sheet.NumberOrMissing(c[5])));
        }
        if (rows.Values.Any(r => r.Count == 0)) throw sheet.FileProblem("a metric of scenario.yaml's observations has no rows (a truncated file?)");
        return metrics.Select(m => new PredictiveBand(m, rows[m].Select(r => r.Step).ToList(), rows[m].Select(r => r.Median).ToList(),
            rows[m].Select(r => r.Low).ToList(), rows[m].Select(r => r.High).ToList())).ToList();
    }
}
