using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Engine;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary><c>trustsim run SCENARIO</c>: runs the replications of one scenario and writes a run folder.</summary>
internal sealed class RunCommand(Terminal terminal) : Command<RunCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file.")]
        public string Scenario { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Run folder (default: output/<name>/<yyyyMMdd-HHmmss>).")]
        public string? Out { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Master seed, overriding the scenario's.")]
        public ulong? Seed { get; init; }

        [CommandOption("--replications <N>")]
        [Description("Number of replications, overriding the scenario's.")]
        public int? Replications { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Replications run at once (default: all cores).")]
        public int? Workers { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Threads inside each run, over chunks of users (default 1; results are the same for any count).")]
        public int? Threads { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key after inheritance, e.g. --set platform.scar=0.6 (repeatable).")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--force")]
        [Description("Replace an existing --out run folder (wholly, once the new run is complete).")]
        public bool Force { get; init; }

        [CommandOption("--steps <N>")]
        [Description("Quick look: run only the first N steps; scheduled events after step N are left out, with a note naming them.")]
        public int? Steps { get; init; }

        public override ValidationResult Validate()
        {
            if (Replications is < 1) return ValidationResult.Error("--replications must be at least 1");
            if (Steps is < 1) return ValidationResult.Error("--steps must be at least 1");
            if (Limits.Parallelism("--workers", Workers) is { } workers) return workers;
            if (Limits.Parallelism("--threads", Threads) is { } threads) return threads;
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var overrides = settings.Overrides.ToList();
        if (settings.Seed is { } seed) overrides.Add($"seed={seed.ToString(CultureInfo.InvariantCulture)}");
        if (settings.Replications is { } n) overrides.Add($"replications={n.ToString(CultureInfo.InvariantCulture)}");
        var loaded = ScenarioInput.Load(settings.Scenario, overrides);
        if (!loaded.Ok) return terminal.BadInput(loaded.Problems);
        var scenario = loaded.Value;
        IReadOnlyList<string>? quickLook = null;
        if (settings.Steps is { } steps)
        {
            if (steps > scenario.Time.Steps)
                return terminal.BadInput([$"--steps {steps} is longer than the scenario's {scenario.Time.Steps} steps: --steps only shortens a run; to lengthen it, --set time.steps={steps}"]);
            (scenario, var leftOut) = ScheduleWindow.Cut(scenario, steps);
            quickLook = [QuickLookNote(steps, loaded.Value.Time.Steps, leftOut)];
            terminal.Error.Print($"trustsim: note: {quickLook[0]}");
        }
        var workers = settings.Workers ?? Environment.ProcessorCount;
        var memory = MemoryEstimate.For(scenario, Math.Min(workers, scenario.Replications), scenario.Replications);
        if (MemoryCheck.Refusal(memory, "this run") is { } refusal) return terminal.BadInput([refusal]);

        // Ctrl-C and SIGTERM are caught from here on: the staging folder made next is then removed, not left behind.
        using var signals = new InterruptSignals(cancellationToken);
        // The new run is built beside --out and swapped in at the end: a kill leaves the old folder or the new, never a mix.
        string commandLine = RunEnvironment.CommandLine(context.Arguments);
        OutputRequest Request(string folder) => new(folder, OutputKind.Run, settings.Force, OutputMode.Staged, [settings.Scenario],
            LockHolder.ThisProcess(started, commandLine));
        var claimed = settings.Out is { } given
            ? OutputFolder.Claim(Request(given))
            : OutputFolder.ClaimNew(() => RunFolder.DefaultPath(RunFolder.DefaultRoot, scenario.Name, started.ToLocalTime()), Request);
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        string? sweepNote = null;
        if (scenario.Sweep is { } sweep)
        {
            // Once the folder is ours (a refusal comes first): a scenario written for a sweep still runs, as its base point: say so, so no one takes it for the sweep.
            sweepNote = $"{settings.Scenario} has a sweep section ({sweep.Parameters.Count} parameter(s), {sweep.Design.ToString().ToLowerInvariant()} design); " +
                        $"run ignores it and runs the base scenario ({scenario.Replications} replication(s)). To run the sweep: trustsim sweep {settings.Scenario}";
            terminal.Error.Print($"trustsim: note: {sweepNote}");
        }
        using var output = claimed.Value;
        var folder = output.Folder;

        try
        {
            RunFolder.Start(output.WorkFolder, RunEnvironment.ForRun(commandLine, settings.Scenario, scenario, [], started, started, RunStatus.Running) with
            {
                Replications = Enumerable.Range(0, scenario.Replications).Select(r => new ReplicationSeed(r, Simulator.ReplicationSeed(scenario, r))).ToList(),
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {folder}: cannot begin the run folder: {output.Shown(e.Message)}");
            return ExitCode.RunFailed;
        }

        IReadOnlyList<RunResult> results;
        try
        {
            results = RunProgress.Run(terminal.Out, scenario, workers, signals.Token, settings.Threads ?? 1);
        }
        catch (OperationCanceledException)
        {
            terminal.Error.Print($"trustsim: interrupted; no replication's data was written{(settings.Force ? $" and {folder} is as it was" : "")}.");
            return ExitCode.Interrupted;
        }

        // Notes go into the manifest too, so the folder's report.html shows them beside the results.
        var manifest = RunEnvironment.ForRun(commandLine, settings.Scenario, scenario, results, started, DateTime.UtcNow, RunStatus.Completed) with
        {
            Warnings = (quickLook ?? []).Concat(sweepNote is null ? [] : [sweepNote]).ToList() is { Count: > 0 } notes ? notes : null,
        };
        RunFolderResult written;
        bool reported;
        try
        {
            written = RunFolder.Write(output.WorkFolder, scenario, ScenarioWriter.ToYaml(scenario), results, manifest);
            reported = FolderReport.Finish(output.WorkFolder, terminal, output.Shown);
            output.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, or the folder removed under us: the new folder is dropped and the old one left whole.
            terminal.Error.Print($"trustsim: {folder}: writing the run folder failed: {output.Shown(e.Message)}");
            terminal.Error.Print($"Nothing of this run was kept; {folder} is as it was before the run.");
            return ExitCode.RunFailed;
        }
        foreach (var p in written.ChartProblems) terminal.Error.Print($"trustsim: {output.Shown(p)}");

        SummaryTable.Print(terminal.Out, scenario, results, folder);
        return written.ChartProblems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
    }

    /// <summary>What a quick look leaves out, for the console and the manifest.</summary>
    private static string QuickLookNote(int steps, int of, IReadOnlyList<string> leftOut) =>
        $"--steps {steps}: a quick look at steps 0-{steps} of {of}" + (leftOut.Count == 0
            ? "; no scheduled event falls after it"
            : $"; left out {leftOut.Count} scheduled event{(leftOut.Count == 1 ? "" : "s")} after step {steps}: {string.Join("; ", leftOut)}");
}
