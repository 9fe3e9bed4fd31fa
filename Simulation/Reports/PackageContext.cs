using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// What the columns of a folder's tables depend on besides the catalogues: the kind of folder, its name,
/// the swept or fitted scenario keys (columns of runs.csv, points.csv, trace.csv) and the metrics points.csv
/// reports (indexes into SummaryMetrics.Columns).
/// </summary>
internal sealed record PackageContext(OutputKind Kind, string Name, IReadOnlyList<string> Parameters, IReadOnlyList<int> PointMetrics)
{
    /// <summary>A calibration by the posterior (its files differ from the optimiser's).</summary>
    public bool Posterior { get; init; }

    /// <summary>A posterior's sampled quantities (the fitted keys, then the error scales): columns of posterior.csv and correlation.csv.</summary>
    public IReadOnlyList<string> Quantities { get; init; } = [];

    /// <summary>A discovery's categorical inputs (among <see cref="Parameters"/>, its inputs): one column of trajectory.csv each, not two.</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    public static PackageContext ForRun(Scenario scenario) => new(OutputKind.Run, scenario.Name, [], []);

    /// <summary>A sweep of any design, a threshold search included.</summary>
    public static PackageContext ForSweep(Scenario scenario)
    {
        var sweep = scenario.Sweep ?? throw new ArgumentException("a sweep folder's scenario has a sweep section", nameof(scenario));
        return new(OutputKind.Sweep, scenario.Name, sweep.Parameters.Select(p => p.Path).ToArray(), SweepFolder.ReportedMetrics(sweep));
    }

    /// <summary>A comparison, named by its sides' labels.</summary>
    public static PackageContext ForComparison(IReadOnlyList<string> sides) => new(OutputKind.Comparison, string.Join(" vs ", sides), [], []);

    public static PackageContext ForCalibration(string scenarioName, IReadOnlyList<string> fitted) => new(OutputKind.Calibration, scenarioName, fitted, []);

    public static PackageContext ForPosterior(string scenarioName, IReadOnlyList<string> quantities) =>
        new(OutputKind.Calibration, scenarioName, [], []) { Posterior = true, Quantities = quantities };

    /// <summary>A discovery over <paramref name="inputs"/>, of which <paramref name="categorical"/> are categorical.</summary>
    public static PackageContext ForDiscovery(IReadOnlyList<string> inputs, IReadOnlyList<string> categorical) =>
        new(OutputKind.Discovery, "discover", inputs, []) { Categorical = categorical };

    /// <summary>
    /// The context of a finished folder, from its manifest.json and resolved scenario (what <c>export</c> reads);
    /// a <see cref="DataFileException"/> naming the file when the folder is not a finished trustsim folder.
    /// </summary>
    public static PackageContext Of(string folder)
    {
        var manifest = ManifestReader.Read(folder);
        if (manifest.Comparison is { } comparison)
        {
            ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed);
            return ForComparison(comparison.Sides.Select(s => s.Label).ToArray());
        }
        if (manifest.Posterior is { } posterior)
        {
            ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.NotConverged, RunStatus.Interrupted);
            return ForPosterior(manifest.ScenarioName, posterior.Quantities.Select(q => q.Name).ToArray());
        }
        if (manifest.Discovery is { } discovery)
        {
            ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed);
            var document = DiscoveryFolder.ReadDocument(Path.Combine(folder, DiscoveryFolder.FileName), discovery);
            return ForDiscovery(document.Inputs.Select(i => i.Name).ToArray(), document.Inputs.Where(i => i.Kind == "categorical").Select(i => i.Name).ToArray());
        }
        if (manifest.Calibration is { } calibration)
        {
            ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Interrupted);
            return ForCalibration(manifest.ScenarioName, calibration.Fitted.Select(f => f.Path).ToArray());
        }
        string path = Path.Combine(folder, RunFolder.ScenarioFile);
        if (!File.Exists(path)) throw new DataFileException($"{path}: missing (every run and sweep folder has one)");
        WholeFile.RequireLineBreakAtEnd(path);
        var loaded = ScenarioLoader.Load(path, []);
        if (loaded.Scenario is not { } scenario) throw new DataFileException(loaded.Problems.Count > 0 ? loaded.Problems[0].ToString() : $"{path}: does not load");
        if (manifest.Sweep is not null || manifest.Threshold is not null)
        {
            ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Failed);
            if (scenario.Sweep is null) throw new DataFileException($"{path}: has no sweep section, though manifest.json records a sweep");
            return ForSweep(scenario);
        }
        ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed);
        return ForRun(scenario);
    }
}
