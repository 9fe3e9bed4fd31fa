using System.Globalization;
using Spectre.Console;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// Opens the sides of <c>compare</c>. Scenario files are run with common random numbers: every one of them
/// takes the master seed and replication count of the first side (run folder or scenario), so replication r
/// of each side has the same seed and the differences are paired.
/// </summary>
internal static class CompareSides
{
    private enum Kind { Run, Sweep, Scenario }

    /// <summary>
    /// A plain sentence when the sides end on different dates (or start on different ones): their final
    /// values, peaks and totals then describe different stretches of time, which a reader must know.
    /// </summary>
    public static string? EndMismatch(IReadOnlyList<CompareSide> sides)
    {
        var spans = sides.Select(s => (s.Label, Start: s.Scenario.Time.Start, End: ScenarioSchedule.DateOf(s.Scenario.Time, s.Scenario.Time.Steps), s.Scenario.Time.Steps)).ToList();
        if (spans.All(p => p.Start == spans[0].Start && p.End == spans[0].End)) return null;
        var described = string.Join("; ", spans.Select(p => $"{p.Label}: {p.Start:yyyy-MM-dd} to {p.End:yyyy-MM-dd}, {p.Steps} steps"));
        return $"the sides cover different dates ({described}): final values, peaks and totals compare different stretches of time";
    }

    /// <summary>The sides, or the lines that say why not (bad input, exit 2). Scenario sides are run here, saying so on <paramref name="output"/>.</summary>
    public static Outcome<IReadOnlyList<CompareSide>> Open(IReadOnlyList<string> paths, IReadOnlyList<string> overrides, int workers,
        IAnsiConsole output, CancellationToken cancel)
    {
        var kinds = Kinds(paths);
        if (!kinds.Ok) return kinds.ConvertError<IReadOnlyList<CompareSide>>();

        // Common random numbers: the first side's master seed and replication count for every scenario file.
        (ulong Seed, int Replications)? common = null;
        var sides = new List<CompareSide>();
        for (int i = 0; i < paths.Count; i++)
        {
            var side = kinds.Value[i] switch
            {
                Kind.Scenario => RunScenario(paths[i], overrides, ref common, workers, output, cancel),
                Kind.Run => OpenRun(paths[i], ref common),
                _ => OpenSweep(paths[i]),
            };
            if (!side.Ok) return side.ConvertError<IReadOnlyList<CompareSide>>();
            sides.Add(side.Value);
        }
        return Outcome<IReadOnlyList<CompareSide>>.Success(Unique(Named(sides)));
    }

    /// <summary>What each path is; runs and sweeps do not mix.</summary>
    private static Outcome<IReadOnlyList<Kind>> Kinds(IReadOnlyList<string> paths)
    {
        var kinds = new List<Kind>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                if (File.Exists(System.IO.Path.Combine(p, SweepTables.PointsFile)) && File.Exists(System.IO.Path.Combine(p, RunFolder.ScenarioFile))) kinds.Add(Kind.Sweep);
                else if (File.Exists(System.IO.Path.Combine(p, RunCsv.SummaryFile)) && File.Exists(System.IO.Path.Combine(p, RunCsv.TimeseriesFile))) kinds.Add(Kind.Run);
                else return Outcome<IReadOnlyList<Kind>>.Failure($"trustsim: {p}: not a run folder (summary.csv, timeseries.csv) or a finished sweep folder (points.csv)");
            }
            else if (File.Exists(p)) kinds.Add(Kind.Scenario);
            else return Outcome<IReadOnlyList<Kind>>.Failure($"trustsim: {p}: no such scenario file or folder");
        }
        if (kinds.Contains(Kind.Sweep) && kinds.Any(k => k != Kind.Sweep))
            return Outcome<IReadOnlyList<Kind>>.Failure("trustsim: compare sweep folders with sweep folders, and runs (folders or scenario files) with runs; got a mix");
        return Outcome<IReadOnlyList<Kind>>.Success(kinds);
    }

    private static Outcome<CompareSide> RunScenario(string path, IReadOnlyList<string> overrides, ref (ulong Seed, int Replications)? common, int workers,
        IAnsiConsole output, CancellationToken cancel)
    {
        var all = overrides.ToList();
        if (common is { } c)
        {
            all.Add($"seed={c.Seed.ToString(CultureInfo.InvariantCulture)}");
            all.Add($"replications={c.Replications.ToString(CultureInfo.InvariantCulture)}");
        }
        var loaded = ScenarioInput.Load(path, all);
        if (!loaded.Ok) return loaded.ConvertError<CompareSide>();
        var scenario = loaded.Value;
        common ??= (scenario.Seed, scenario.Replications);
        output.Print(string.Create(CultureInfo.InvariantCulture,
            $"Running {path}: {scenario.Replications} replications from master seed {scenario.Seed} (common random numbers)"));
        var runs = Simulator.RunReplications(scenario with { Sweep = null }, workers, cancel: cancel);
        return Outcome<CompareSide>.Success(new CompareSide(scenario.Name, path, "scenario", scenario, RunEnvironment.Sha256OfFile(path), scenario.Seed, runs));
    }

    private static Outcome<CompareSide> OpenRun(string folder, ref (ulong Seed, int Replications)? common)
    {
        var scenarioPath = System.IO.Path.Combine(folder, RunFolder.ScenarioFile);
        IReadOnlyList<RunResult> runs;
        ulong seed;
        Scenario scenario;
        try
        {
            var loaded = OutputFolderCharts.LoadWritten(scenarioPath);
            if (!loaded.Ok) return loaded.ConvertError<CompareSide>();
            scenario = loaded.Value;
            seed = ManifestReader.Read(folder).MasterSeed;
            runs = RunFolderReader.Read(folder, scenario);
        }
        catch (DataFileException e)
        {
            return Outcome<CompareSide>.Failure($"trustsim: {e.Message}");
        }
        common ??= (seed, runs.Count);
        return Outcome<CompareSide>.Success(new CompareSide(scenario.Name, folder, "run", scenario, RunEnvironment.Sha256OfFile(scenarioPath), seed, runs));
    }

    /// <summary>A finished sweep folder: its scenario, and points.csv checked against manifest.json now, before anything is written.</summary>
    private static Outcome<CompareSide> OpenSweep(string folder)
    {
        var scenarioPath = System.IO.Path.Combine(folder, RunFolder.ScenarioFile);
        IReadOnlyList<SweepChartData.PointRow> points;
        IReadOnlyDictionary<int, IReadOnlyList<SweepReplicate>> replicates;
        Scenario scenario;
        try
        {
            var loaded = OutputFolderCharts.LoadWritten(scenarioPath);
            if (!loaded.Ok) return loaded.ConvertError<CompareSide>();
            scenario = loaded.Value;
            if (scenario.Sweep is not { } sweep)
                return Outcome<CompareSide>.Failure($"trustsim: {scenarioPath}: has no sweep section, so {folder} is not a sweep folder");
            var manifest = ManifestReader.Read(folder);
            ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed, RunStatus.Failed);
            var info = manifest.Sweep ?? throw new DataFileException($"{System.IO.Path.Combine(folder, ManifestJson.FileName)}: has no sweep section, so {folder} is not a sweep folder");
            var metrics = SweepFolder.ReportedMetrics(sweep).Select(m => Metrics.SummaryMetrics.Columns[m].Name).ToArray();
            points = SweepChartData.ReadPoints(System.IO.Path.Combine(folder, SweepTables.PointsFile), sweep.Parameters.Select(p => p.Path).ToArray(),
                metrics, info.Points, info.Replications);
            // Each run's seed, so differences can be paired where both sweeps drew the same random numbers.
            replicates = SweepReplicates.Read(System.IO.Path.Combine(folder, SweepTables.RunsFile), metrics, info.Runs);
        }
        catch (DataFileException e)
        {
            return Outcome<CompareSide>.Failure($"trustsim: {e.Message}");
        }
        return Outcome<CompareSide>.Success(new CompareSide(scenario.Name, folder, "sweep", scenario, RunEnvironment.Sha256OfFile(scenarioPath), scenario.Seed, [], points, replicates));
    }

    /// <summary>
    /// Sides whose scenarios share a name are named by what differs between their resolved scenarios
    /// (<c>platform.scar=0.6</c>) instead of "name", "name (2)"; distinct names are the author's and stay.
    /// </summary>
    internal static List<CompareSide> Named(List<CompareSide> sides)
    {
        if (sides.Select(s => s.Label).Distinct(StringComparer.Ordinal).Count() == sides.Count) return sides;
        var labels = ScenarioDiff.Labels(sides.Select(s => s.Scenario).ToList());
        return labels is null ? sides : sides.Select((s, k) => s with { Label = labels[k] }).ToList();
    }

    private static List<CompareSide> Unique(List<CompareSide> sides)
    {
        var seen = new Dictionary<string, int>();
        return sides.Select(s =>
        {
            seen[s.Label] = seen.GetValueOrDefault(s.Label) + 1;
            return seen[s.Label] == 1 ? s : s with { Label = $"{s.Label} ({seen[s.Label]})" };
        }).ToList();
    }
}
