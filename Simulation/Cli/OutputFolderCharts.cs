using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// What <c>plot</c> redraws: the kind of an output folder (from its manifest.json, written last by every
/// command) and its chart jobs, every data file read and checked now, so a folder that is not whole is
/// refused, naming the file and line, before a chart is drawn.
/// </summary>
internal static class OutputFolderCharts
{
    /// <summary>
    /// The kind of folder in words, its chart jobs, a note on charts that cannot be redrawn (or null), and what
    /// was read to check it: the manifest and the resolved scenario (a calibration's fitted one; null when it has none).
    /// </summary>
    internal sealed record Charts(string Kind, IReadOnlyList<ChartJob> Jobs, string? Note, Manifest Manifest, Scenario? Scenario);

    /// <summary>Files by which a folder without manifest.json is still recognisably one of ours (unfinished).</summary>
    private static readonly string[] KnownFiles =
    [
        RunFolder.ScenarioFile, RunCsv.TimeseriesFile, RunCsv.SummaryFile, SweepTables.PointsFile, "journal.jsonl",
        CompareFolder.FileName, CalibrationFolder.TraceFile, PosteriorFolder.PosteriorFile, ThresholdFolder.FileName, DiscoveryFolder.FileName,
    ];

    /// <summary>Reads and checks <paramref name="folder"/> for the verb <paramref name="verb"/> (plot, report), which its messages name.</summary>
    public static Outcome<Charts> Read(string folder, string verb = "plot")
    {
        if (!Directory.Exists(folder))
            return Outcome<Charts>.Failure(File.Exists(folder) ? $"trustsim: {folder}: is a file; {verb} takes an output folder" : $"trustsim: {folder}: no such folder");
        if (File.Exists(Path.Combine(folder, ShardManifest.FileName)))
        {
            return Outcome<Charts>.Failure($"trustsim: {folder}: a shard of a sweep ({ShardManifest.FileName}), which has no charts of its own: " +
                $"join the shards with 'trustsim merge SHARD... --out DIR', then {verb} DIR");
        }
        if (!File.Exists(Path.Combine(folder, ManifestJson.FileName)) && !KnownFiles.Any(f => File.Exists(Path.Combine(folder, f))))
        {
            return Outcome<Charts>.Failure($"trustsim: {folder}: not a TrustSim output folder (no manifest.json); {verb} reads " +
                "the folders run, sweep, merge, compare, calibrate, discover and threshold sweeps write");
        }
        try
        {
            var manifest = ManifestReader.Read(folder);
            if (manifest.Comparison is { } comparison)
            {
                ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed);
                return Done("comparison", CompareChartData.Jobs(folder, comparison.Sides.Select(s => s.Label).ToList()), manifest, null);
            }
            if (manifest.Discovery is { } discovery)
            {
                ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed);
                return Done("discovery", DiscoveryFolder.Jobs(folder, discovery), manifest, null);
            }
            if (manifest.Posterior is not null)
            {
                ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.NotConverged, RunStatus.Interrupted);
                var scenarioFile = Path.Combine(folder, RunFolder.ScenarioFile);
                if (!File.Exists(scenarioFile)) throw new DataFileException($"{scenarioFile}: missing (a posterior calibration folder has one)");
                var loaded = LoadWritten(scenarioFile);
                if (!loaded.Ok) return loaded.ConvertError<Charts>();
                return Done("calibration", PosteriorCharts.Jobs(PosteriorFolder.Read(folder, manifest, loaded.Value)), manifest, loaded.Value);
            }
            if (manifest.Calibration is not null)
            {
                ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Interrupted);
                Scenario? fitted = null;
                if (File.Exists(Path.Combine(folder, CalibrationFolder.FittedFile)))
                {
                    var loaded = LoadWritten(Path.Combine(folder, CalibrationFolder.FittedFile));
                    if (!loaded.Ok) return loaded.ConvertError<Charts>();
                    fitted = loaded.Value;
                }
                var jobs = CalibrationFolder.Jobs(folder, manifest, fitted, out string? note);
                return Outcome<Charts>.Success(new Charts("calibration", jobs, note, manifest, fitted));
            }

            var scenarioPath = Path.Combine(folder, RunFolder.ScenarioFile);
            if (!File.Exists(scenarioPath)) throw new DataFileException($"{scenarioPath}: missing (every run and sweep folder has one)");
            var scenarioLoaded = LoadWritten(scenarioPath);
            if (!scenarioLoaded.Ok) return scenarioLoaded.ConvertError<Charts>();
            var scenario = scenarioLoaded.Value;
            if (manifest.Threshold is { } threshold)
            {
                ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Failed);
                if (scenario.Sweep is null) throw new DataFileException($"{scenarioPath}: has no sweep section, though manifest.json records a threshold search");
                return Done("threshold sweep", [ThresholdExecution.Chart(folder, scenario, threshold, manifest.Sweep?.Replications ?? scenario.Sweep.Replications)],
                    manifest, scenario);
            }
            if (manifest.Sweep is { } sweep)
            {
                ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Failed);
                if (scenario.Sweep is null) throw new DataFileException($"{scenarioPath}: has no sweep section, though manifest.json records a sweep");
                var jobs = SweepChartData.Build(folder, scenario, sweep).Jobs().ToList();
                if (File.Exists(Path.Combine(folder, SensitivityFolder.FileName)))
                    jobs.AddRange(SensitivityFolder.Jobs(folder, scenario.Name, scenario.Sweep.Samples, scenario.Sweep.Replications));
                return Done("sweep", jobs, manifest, scenario);
            }
            return Done("run", ChartSet.RunJobs(scenario, RunFolderReader.Read(folder, scenario)), manifest, scenario);
        }
        catch (DataFileException e)
        {
            return Outcome<Charts>.Failure($"trustsim: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome<Charts>.Failure($"trustsim: {folder}: cannot read the folder: {e.Message}");
        }
    }

    /// <summary>
    /// A scenario file the tool wrote into an output folder, refused when its last line was cut short (a cut
    /// inside a value can leave YAML that loads, with a different value): a <see cref="DataFileException"/>.
    /// </summary>
    public static Outcome<Scenario> LoadWritten(string path)
    {
        WholeFile.RequireLineBreakAtEnd(path);
        return ScenarioInput.Load(path, []);
    }

    private static Outcome<Charts> Done(string kind, IReadOnlyList<ChartJob> jobs, Manifest manifest, Scenario? scenario) =>
        Outcome<Charts>.Success(new Charts(kind, jobs, null, manifest, scenario));
}
