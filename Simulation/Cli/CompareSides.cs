using System.Globalization;
using Spectre.Console;
using TrustSim.Engine;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// Opens the sides of <c>compare</c>. Scenario files are run with common random numbers: every one of them
/// takes the master seed and replication count of the first side (run folder or scenario), so replication r
/// of each side has the same seed and the differences are paired.
/// </summary>
internal static class CompareSides
{
    private enum Kind { Run, Sweep, Scenario }

    /// <summary>The sides, or null after printing why not (bad input, exit 2).</summary>
    public static IReadOnlyList<CompareSide>? Open(IReadOnlyList<string> paths, IReadOnlyList<string> overrides, int workers,
        Terminal terminal, CancellationToken cancel)
    {
        var kinds = new List<Kind>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                if (File.Exists(System.IO.Path.Combine(p, SweepTables.PointsFile)) && File.Exists(System.IO.Path.Combine(p, RunFolder.ScenarioFile))) kinds.Add(Kind.Sweep);
                else if (File.Exists(System.IO.Path.Combine(p, RunCsv.SummaryFile)) && File.Exists(System.IO.Path.Combine(p, RunCsv.TimeseriesFile))) kinds.Add(Kind.Run);
                else
                {
                    terminal.Error.Print($"trustsim: {p}: not a run folder (summary.csv, timeseries.csv) or a finished sweep folder (points.csv)");
                    return null;
                }
            }
            else if (File.Exists(p)) kinds.Add(Kind.Scenario);
            else
            {
                terminal.Error.Print($"trustsim: {p}: no such scenario file or folder");
                return null;
            }
        }
        if (kinds.Contains(Kind.Sweep) && kinds.Any(k => k != Kind.Sweep))
        {
            terminal.Error.Print("trustsim: compare sweep folders with sweep folders, and runs (folders or scenario files) with runs; got a mix");
            return null;
        }

        // Common random numbers: the first side's master seed and replication count for every scenario file.
        (ulong Seed, int Replications)? common = null;
        var sides = new List<CompareSide>();
        for (int i = 0; i < paths.Count; i++)
        {
            var side = kinds[i] switch
            {
                Kind.Scenario => RunScenario(paths[i], overrides, ref common, workers, terminal, cancel),
                Kind.Run => OpenRun(paths[i], ref common, terminal.Error),
                _ => OpenSweep(paths[i], terminal.Error),
            };
            if (side is null) return null;
            sides.Add(side);
        }
        return Unique(sides);
    }

    private static CompareSide? RunScenario(string path, IReadOnlyList<string> overrides, ref (ulong Seed, int Replications)? common, int workers,
        Terminal terminal, CancellationToken cancel)
    {
        var all = overrides.ToList();
        if (common is { } c)
        {
            all.Add($"seed={c.Seed.ToString(CultureInfo.InvariantCulture)}");
            all.Add($"replications={c.Replications.ToString(CultureInfo.InvariantCulture)}");
        }
        var scenario = ScenarioInput.Load(path, all, terminal.Error);
        if (scenario is null) return null;
        common ??= (scenario.Seed, scenario.Replications);
        terminal.Out.Print(string.Create(CultureInfo.InvariantCulture,
            $"Running {path}: {scenario.Replications} replications from master seed {scenario.Seed} (common random numbers)"));
        var runs = Simulator.RunReplications(scenario with { Sweep = null }, workers, cancel: cancel);
        return new CompareSide(scenario.Name, path, "scenario", scenario, RunEnvironment.Sha256OfFile(path), scenario.Seed, runs);
    }

    private static CompareSide? OpenRun(string folder, ref (ulong Seed, int Replications)? common, IAnsiConsole errors)
    {
        var scenarioPath = System.IO.Path.Combine(folder, RunFolder.ScenarioFile);
        var scenario = File.Exists(scenarioPath) ? ScenarioInput.Load(scenarioPath, [], errors) : null;
        if (scenario is null)
        {
            errors.Print($"trustsim: {folder}: no readable {RunFolder.ScenarioFile}");
            return null;
        }
        IReadOnlyList<RunResult> runs;
        try
        {
            runs = RunFolderReader.Read(folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            errors.Print($"trustsim: {folder}: cannot read the run's data files: {e.Message}");
            return null;
        }
        var seed = ManifestJson.Read(System.IO.Path.Combine(folder, ManifestJson.FileName))?.MasterSeed ?? scenario.Seed;
        common ??= (seed, runs.Count);
        return new CompareSide(scenario.Name, folder, "run", scenario, RunEnvironment.Sha256OfFile(scenarioPath), seed, runs);
    }

    private static CompareSide? OpenSweep(string folder, IAnsiConsole errors)
    {
        var scenarioPath = System.IO.Path.Combine(folder, RunFolder.ScenarioFile);
        var scenario = ScenarioInput.Load(scenarioPath, [], errors);
        if (scenario?.Sweep is null)
        {
            errors.Print($"trustsim: {folder}: its {RunFolder.ScenarioFile} has no sweep section");
            return null;
        }
        return new CompareSide(scenario.Name, folder, "sweep", scenario, RunEnvironment.Sha256OfFile(scenarioPath), scenario.Seed, []);
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
