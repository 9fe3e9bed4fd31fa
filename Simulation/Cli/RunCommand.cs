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
        [Description("Write into an existing non-empty --out folder.")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (Replications is < 1) return ValidationResult.Error("--replications must be at least 1");
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
        if (scenario.Sweep is { } sweep)
        {
            // A scenario written for a sweep still runs, as its base point: say so, so no one takes it for the sweep.
            terminal.Error.Print($"trustsim: note: {settings.Scenario} has a sweep section ({sweep.Parameters.Count} parameter(s), {sweep.Design.ToString().ToLowerInvariant()} design); " +
                                 $"run ignores it and runs the base scenario ({scenario.Replications} replication(s)). To run the sweep: trustsim sweep {settings.Scenario}");
        }
        var workers = settings.Workers ?? Environment.ProcessorCount;
        var memory = MemoryEstimate.For(scenario, Math.Min(workers, scenario.Replications), scenario.Replications);
        if (MemoryCheck.Refusal(memory, "this run") is { } refusal) return terminal.BadInput([refusal]);

        var folder = settings.Out ?? RunFolder.DefaultPath(RunFolder.DefaultRoot, scenario.Name, started.ToLocalTime());
        if (RunFolder.Prepare(folder, settings.Force) is { } problem) return terminal.BadInput([$"trustsim: {problem}"]);

        IReadOnlyList<RunResult> results;
        using var signals = new InterruptSignals(cancellationToken);
        try
        {
            results = RunProgress.Run(terminal.Out, scenario, workers, signals.Token, settings.Threads ?? 1);
        }
        catch (OperationCanceledException)
        {
            terminal.Error.Print("trustsim: interrupted; no replication's data was written.");
            return ExitCode.Interrupted;
        }

        var manifest = RunEnvironment.ForRun(RunEnvironment.CommandLine(context.Arguments), settings.Scenario, scenario,
            results, started, DateTime.UtcNow, RunStatus.Completed);
        RunFolderResult written;
        try
        {
            written = RunFolder.Write(folder, scenario, ScenarioWriter.ToYaml(scenario), results, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, or the folder removed under us: each file is atomic, so what is there is whole.
            terminal.Error.Print($"trustsim: {folder}: writing the run folder failed: {e.Message}");
            terminal.Error.Print("The files already in the folder are complete; it has no manifest.json, so it is marked unfinished.");
            return ExitCode.RunFailed;
        }
        foreach (var p in written.ChartProblems) terminal.Error.Print($"trustsim: {p}");

        SummaryTable.Print(terminal.Out, scenario, results, folder);
        return written.ChartProblems.Count == 0 ? ExitCode.Done : ExitCode.RunFailed;
    }
}
