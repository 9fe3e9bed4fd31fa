using System.ComponentModel;
using Spectre.Console.Cli;
using TrustSim.Core;
using TrustSim.Metrics;
using TrustSim.Reports;
using TrustSim.Reports.Html;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim compare A B...</c>: compares run folders, sweep folders or scenario files (run here with
/// common random numbers) and writes a comparison folder: comparison.csv, bands.csv, charts, manifest.json.
/// </summary>
internal sealed class CompareCommand(Terminal terminal) : Command<CompareCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SIDES>")]
        [Description("Two or more run folders, sweep folders or scenario YAML files; differences are side k minus the first.")]
        public string[] Sides { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("Comparison folder (default: output/compare/<yyyyMMdd-HHmmss>).")]
        public string? Out { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Replications run at once for scenario sides (default: all cores).")]
        public int? Workers { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key of every scenario-file side, e.g. --set users.count=500 (repeatable).")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--force")]
        [Description("Replace an existing --out comparison folder (wholly, once the new comparison is complete).")]
        public bool Force { get; init; }

        public override Spectre.Console.ValidationResult Validate()
        {
            if (Sides.Length < 2) return Spectre.Console.ValidationResult.Error("compare needs at least two sides (run folders, sweep folders or scenario files)");
            if (Limits.Parallelism("--workers", Workers) is { } workers) return workers;
            return Spectre.Console.ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        // Built beside --out and swapped in at the end; never into a side it compares.
        string commandLine = RunEnvironment.CommandLine(context.Arguments);
        OutputRequest Request(string target) => new(target, OutputKind.Comparison, settings.Force, OutputMode.Staged, settings.Sides,
            LockHolder.ThisProcess(started, commandLine));
        var claimed = settings.Out is { } given
            ? OutputFolder.Claim(Request(given))
            : OutputFolder.ClaimNew(() => RunFolder.DefaultPath(RunFolder.DefaultRoot, "compare", started.ToLocalTime()), Request);
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        using var output = claimed.Value;
        var folder = output.WorkFolder;
        Outcome<IReadOnlyList<CompareSide>> opened;
        try
        {
            opened = CompareSides.Open(settings.Sides, settings.Overrides, settings.Workers ?? Environment.ProcessorCount, terminal.Out, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            terminal.Error.Print("trustsim: interrupted; nothing was written.");
            return ExitCode.Interrupted;
        }
        if (!opened.Ok) return terminal.BadInput(opened.Problems);
        var sides = opened.Value;
        string? mismatch = CompareSides.EndMismatch(sides);
        if (mismatch is not null) terminal.Error.Print($"trustsim: note: {mismatch}");

        bool sweep = sides[0].Kind == "sweep";
        var path = Path.Combine(folder, CompareFolder.FileName);
        if (sweep)
        {
            var metrics = sides.Select(s => SweepFolder.ReportedMetrics(s.Scenario.Sweep!).Select(m => SummaryMetrics.Columns[m].Name))
                .Aggregate((a, b) => a.Intersect(b).ToArray()).ToArray();
            CsvTable.Write(path, CompareFolder.Header, CompareFolder.SweepRows(sides, metrics));
        }
        else
        {
            CsvTable.Write(path, CompareFolder.Header, CompareFolder.RunRows(sides));
            CsvTable.Write(Path.Combine(folder, CompareFolder.BandsFile), CompareFolder.BandsHeader, CompareFolder.BandRows(sides));
        }
        var charts = ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), CompareChartData.Jobs(folder, sides.Select(s => s.Label).ToList()));
        foreach (var p in charts.Problems) terminal.Error.Print($"trustsim: {output.Shown(p)}");

        var paired = sides.Skip(1).Select(s => CompareFolder.Paired(sides[0], s)).ToArray();
        var (sweepPairing, pairedPoints, sharedPoints) = sweep ? CompareFolder.SweepPairing(sides) : ("", 0, 0);
        string pairing = sweep ? sweepPairing : paired.All(p => p) ? "paired" : paired.Any(p => p) ? "mixed" : "welch";
        string note = sides.Any(s => s.Kind == "scenario")
            ? $"scenario files were run with the first side's master seed ({sides[0].MasterSeed}) and replication count ({sides[0].Runs.Count}), so replication r has the same seed on every side"
            : sweep ? $"sweep points matched by parameter values; {SweepPairingText(pairing, pairedPoints, sharedPoints)}" : "run folders as given";
        if (mismatch is not null) note = $"{note}; {mismatch}";
        var manifest = RunEnvironment.ForRun(RunEnvironment.CommandLine(context.Arguments), null, sides[0].Scenario, [], started, DateTime.UtcNow,
            RunStatus.Completed) with
        {
            ScenarioName = "compare",
            // Printed as a note above; kept with the warnings too, so the folder's report.html shows it where a reader looks first.
            Warnings = mismatch is null ? null : [mismatch],
            Comparison = new ComparisonManifest(sides.Select(s => new ComparedSide(s.Label, s.Path, s.Kind, s.Sha256, s.MasterSeed, s.Seeds)).ToList(),
                pairing, note),
        };
        ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), manifest);
        bool reported = FolderReport.Finish(folder, terminal, output.Shown);
        output.Commit();
        path = Path.Combine(output.Folder, CompareFolder.FileName);

        CompareTable.Print(terminal.Out, path, sides[0].Label);
        terminal.Out.PrintWrapped(sweep
            ? $"Differences: side minus {sides[0].Label} at each shared design point; {SweepPairingText(pairing, pairedPoints, sharedPoints)}."
            : $"Differences: B minus A; {(pairing == "paired" ? "paired t (same replication seeds on every side)" : pairing == "mixed" ? "paired t where seeds match, Welch's t otherwise" : "Welch's t")}; "
              + "each mean's interval and the test are in comparison.csv.");
        if (sides.Any(s => s.Kind == "scenario")) terminal.Out.PrintWrapped($"Common random numbers: {note}.");
        terminal.Out.Print($"Written to {output.Folder}: {CompareFolder.FileName}{(sweep ? "" : ", " + CompareFolder.BandsFile)}, manifest.json, charts ({charts.Written.Count})" +
                           (reported ? $", {ReportFile.FileName}" : ""));
        return charts.Problems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
    }

    private static string SweepPairingText(string pairing, int paired, int shared) => pairing switch
    {
        "paired" => $"paired t over replications at all {shared} shared design points (same seeds on both sides: common random numbers)",
        "mixed" => $"paired t over replications at {paired} of {shared} shared design points (same seeds), Welch's t from points.csv at the others",
        _ => shared == 0 ? "no design point is shared, so no differences" : $"Welch's t from points.csv at the {shared} shared design points (the runs' seeds differ)",
    };
}
