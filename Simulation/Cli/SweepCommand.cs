using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary><c>trustsim sweep SCENARIO</c>: runs a scenario's sweep design in parallel and writes a sweep folder.</summary>
internal sealed class SweepCommand(Terminal terminal) : Command<SweepCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[SCENARIO]")]
        [Description("Scenario YAML file with a sweep: section (optional with --resume DIR: the folder's scenario.yaml is used).")]
        public string? Scenario { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Sweep folder (default: output/<name>/<yyyyMMdd-HHmmss>).")]
        public string? Out { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Runs executed at once (default: all cores).")]
        public int? Workers { get; init; }

        [CommandOption("--resume [DIR]")]
        [Description("Continue the sweep in DIR (or in --out) from its journal, skipping finished runs.")]
        public FlagValue<string>? Resume { get; init; }

        [CommandOption("--retry-failed")]
        [Description("With --resume: run again the runs the journal records as failed.")]
        public bool RetryFailed { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key after inheritance, e.g. --set users.count=500 (repeatable).")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--shard <K/N>")]
        [Description("Run only shard K of N (0 <= K < N): the runs with run_id % N == K, into a shard folder for 'trustsim merge'. " +
                     "In a Slurm array job it defaults to SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT.")]
        public string? Shard { get; init; }

        [CommandOption("--shard-count <N>")]
        [Description("Without --shard: the number of shards, the index coming from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX (Kubernetes indexed jobs).")]
        public int? ShardCount { get; init; }

        [CommandOption("--force")]
        [Description("Start afresh in an existing --out sweep folder: everything in it is removed first.")]
        public bool Force { get; init; }

        public bool Resuming => Resume?.IsSet == true;

        public string? ResumeFolder => Resuming ? (string.IsNullOrEmpty(Resume!.Value) ? Out : Resume.Value) : null;

        public override ValidationResult Validate()
        {
            if (Limits.Parallelism("--workers", Workers) is { } workers) return workers;
            if (Resuming && ResumeFolder is null) return ValidationResult.Error("--resume needs the sweep folder: --resume DIR");
            if (Resuming && !string.IsNullOrEmpty(Resume!.Value) && Out is { } other && !SameFolder(other, Resume.Value))
                return ValidationResult.Error($"--resume {Resume.Value} writes into that folder; --out {other} names another (give one of them)");
            if (Resuming && Force) return ValidationResult.Error("--resume and --force contradict each other: resume keeps the folder, force starts afresh");
            if (RetryFailed && !Resuming) return ValidationResult.Error("--retry-failed goes with --resume DIR");
            if (!Resuming && string.IsNullOrEmpty(Scenario)) return ValidationResult.Error("give a scenario file (or --resume DIR)");
            return ValidationResult.Success();
        }

        private static bool SameFolder(string a, string b) =>
            string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var opened = SweepTarget.Open(settings, started, RunEnvironment.CommandLine(context.Arguments));
        if (!opened.Ok) return terminal.BadInput(opened.Problems);
        using var target = opened.Value;

        using var signals = new InterruptSignals(cancellationToken);
        var workers = settings.Workers ?? Environment.ProcessorCount;
        if (target.Plan.Sweep.Design == SweepDesign.Threshold)
            return ThresholdCommand.Run(target, workers, RunEnvironment.CommandLine(context.Arguments), started, terminal, signals.Token);
        var execution = new SweepExecution(target, workers, RunEnvironment.CommandLine(context.Arguments), started, terminal);
        return execution.Run(signals.Token);
    }
}
