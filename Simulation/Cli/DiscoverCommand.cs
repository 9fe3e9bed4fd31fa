using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Analysis.Discovery;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim discover SOURCE --where EXPR</c>: scenario discovery with PRIM. Reads the cases of a sweep
/// folder (or any CSV file), selects the cases of interest with a small comparison language, finds boxes
/// of few inputs where those cases are dense, and writes a discovery folder: discovery.json,
/// trajectory.csv, charts and manifest.json. Nothing is simulated, so it takes seconds.
/// </summary>
internal sealed class DiscoverCommand(Terminal terminal) : Command<DiscoverCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SOURCE>")]
        [Description("A finished sweep folder (its parameters are the inputs, its summary metrics the outputs) or any CSV file (name the inputs with --inputs).")]
        public string Source { get; init; } = "";

        [CommandOption("--where <EXPR>")]
        [Description("Which cases are of interest, e.g. \"final_banks_full >= 0.5 and min_reputation < 0.3\": column names, numbers, 'quoted categories', < <= > >= == !=, and, or, not, parentheses.")]
        public string? Where { get; init; }

        [CommandOption("--inputs <NAMES>")]
        [Description("Comma-separated columns PRIM may restrict (default for a sweep: its swept parameters; required for a CSV file).")]
        public string? Inputs { get; init; }

        [CommandOption("--categorical <NAMES>")]
        [Description("Comma-separated inputs to treat as categories even when their values are numbers (a column of text is always categorical).")]
        public string? Categorical { get; init; }

        [CommandOption("--cases <UNIT>")]
        [Description("For a sweep: runs (default: one case per run, from runs.csv) or points (one case per design point, metrics its means, from points.csv).")]
        public string? Cases { get; init; }

        [CommandOption("--peel <ALPHA>")]
        [Description("Share of the box's cases each peel removes (default 0.05).")]
        public double Peel { get; init; } = 0.05;

        [CommandOption("--paste <ALPHA>")]
        [Description("Share of the box's cases each paste adds back (default 0.05).")]
        public double Paste { get; init; } = 0.05;

        [CommandOption("--min-mass <SHARE>")]
        [Description("Smallest box, as a share of all cases: peeling stops before it (default 0.05).")]
        public double MinMass { get; init; } = 0.05;

        [CommandOption("--density <LEVEL>")]
        [Description("Pick from each trajectory the box of highest coverage whose density reaches LEVEL, instead of the knee.")]
        public double? Density { get; init; }

        [CommandOption("--significance <P>")]
        [Description("Restrictions with a quasi-p-value above P are dropped, and a search whose box keeps none ends the covering (default 0.05).")]
        public double Significance { get; init; } = 0.05;

        [CommandOption("--max-boxes <N>")]
        [Description("Most boxes to find by covering (default 3).")]
        public int MaxBoxes { get; init; } = 3;

        [CommandOption("--no-prune")]
        [Description("Keep every restriction of the picked box, significant or not (their quasi-p-values are still reported).")]
        public bool NoPrune { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Discovery folder (default: output/discover/<yyyyMMdd-HHmmss>).")]
        public string? Out { get; init; }

        [CommandOption("--force")]
        [Description("Replace an existing --out discovery folder (wholly, once the new one is written).")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (Where is null) return ValidationResult.Error("discover needs --where EXPR: the condition that makes a case one of interest");
            if (!(Peel > 0 && Peel <= 0.5)) return ValidationResult.Error($"--peel {Shown(Peel)} is out of range: a share above 0 and at most 0.5");
            if (!(Paste > 0 && Paste <= 0.5)) return ValidationResult.Error($"--paste {Shown(Paste)} is out of range: a share above 0 and at most 0.5");
            if (!(MinMass > 0 && MinMass < 1)) return ValidationResult.Error($"--min-mass {Shown(MinMass)} is out of range: a share above 0 and below 1");
            if (Density is { } d && !(d > 0 && d <= 1)) return ValidationResult.Error($"--density {Shown(d)} is out of range: a share above 0 and at most 1");
            if (!(Significance > 0 && Significance < 1)) return ValidationResult.Error($"--significance {Shown(Significance)} is out of range: above 0 and below 1");
            if (MaxBoxes is < 1 or > 100) return ValidationResult.Error($"--max-boxes {MaxBoxes.ToString(CultureInfo.InvariantCulture)} is out of range: 1 to 100");
            if (Cases is not (null or "runs" or "points" or "rows")) return ValidationResult.Error($"--cases '{Cases}' is not runs or points (or rows, for a CSV file)");
            return ValidationResult.Success();
        }

        private static string Shown(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        string where = settings.Where!;
        DiscoveryUnit? unit = settings.Cases switch { "runs" => DiscoveryUnit.Runs, "points" => DiscoveryUnit.Points, "rows" => DiscoveryUnit.Rows, _ => null };
        var opened = DiscoverySource.Open(settings.Source, unit);
        if (!opened.Ok) return terminal.BadInput(opened.Problems);
        var cases = opened.Value;

        var inputs = Names(settings.Inputs);
        if (inputs.Count == 0 && settings.Inputs is null) inputs = [.. cases.Parameters];
        if (inputs.Count == 0)
        {
            return terminal.BadInput([$"trustsim: --inputs: name the columns PRIM may restrict, e.g. --inputs {string.Join(",", cases.Table.Columns.Take(3).Select(c => c.Name))} " +
                $"(the columns of {cases.File}: {string.Join(", ", cases.Table.Columns.Select(c => c.Name))})"]);
        }
        if (inputs.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return terminal.BadInput([$"trustsim: --inputs: '{twice.Key}' is named twice"]);
        static string Hint(string name, IReadOnlyList<string> columns) => KeySuggester.Hint(name, columns, "its columns");
        var (selection, problem) = CaseSelection.Bind(where, cases.Table, Hint);
        if (selection is null) return terminal.BadInput(problem!.Lines("--where", where));
        var prepared = DiscoveryCases.Prepare(cases.Table, selection, where, inputs, Names(settings.Categorical), Hint);
        if (!prepared.Ok) return terminal.BadInput(prepared.Problems);
        var header = DiscoveryFolder.TrajectoryHeader(prepared.Value.Data.Inputs.Select(i => (i.Name, i.IsCategorical)).ToList());
        if (header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } clash)
            return terminal.BadInput([$"trustsim: --inputs: trajectory.csv would have two columns named '{clash.Key}'; leave one of the inputs behind it out"]);

        string commandLine = RunEnvironment.CommandLine(context.Arguments);
        OutputRequest Request(string target) => new(target, OutputKind.Discovery, settings.Force, OutputMode.Staged, [settings.Source],
            LockHolder.ThisProcess(started, commandLine));
        var claimed = settings.Out is { } given
            ? OutputFolder.Claim(Request(given))
            : OutputFolder.ClaimNew(() => RunFolder.DefaultPath(RunFolder.DefaultRoot, "discover", started.ToLocalTime()), Request);
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        using var output = claimed.Value;

        var primSettings = new PrimSettings(settings.Peel, settings.Paste, settings.MinMass, settings.Significance, settings.Density, settings.MaxBoxes, !settings.NoPrune);
        var result = Prim.Discover(prepared.Value.Data, primSettings);
        var run = new DiscoveryRun(settings.Source, cases, where, prepared.Value, primSettings, result);
        var folder = output.WorkFolder;
        DiscoveryDocument document;
        ChartSetResult charts;
        try
        {
            (document, int rows) = DiscoveryFolder.Write(folder, run);
            var found = new DiscoveryManifest(settings.Source, cases.File, RunEnvironment.Sha256OfFile(cases.File), document.Cases, where, inputs,
                document.Searched, document.LeftOut + cases.Failed, document.OfInterest, document.Boxes.Count, result.Rounds.Count, rows, document.Stopped.Reason);
            charts = ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), DiscoveryFolder.Jobs(folder, found));
            var manifest = RunEnvironment.ForCommand(commandLine, "discover", started, DateTime.UtcNow, RunStatus.Completed) with { Discovery = found };
            ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), manifest);
            output.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder was being built beside --out: what was there before is untouched.
            terminal.Error.Print($"trustsim: {WriteFailure.Describe(output.Folder, e)}; nothing was written under that name");
            return ExitCode.RunFailed;
        }
        foreach (var p in charts.Problems) terminal.Error.Print($"trustsim: {output.Shown(p)}");

        DiscoveryReport.Print(terminal.Out, document, cases);
        terminal.Out.Print($"Written to {output.Folder}: {DiscoveryFolder.FileName}, {DiscoveryFolder.TrajectoryFile}, manifest.json, charts ({charts.Written.Count})");
        return charts.Problems.Count == 0 ? ExitCode.Done : ExitCode.RunFailed;
    }

    private static List<string> Names(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
