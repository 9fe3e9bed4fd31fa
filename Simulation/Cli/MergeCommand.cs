using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim merge SHARD_DIR... --out DIR</c>: joins the shards of one sweep into one sweep folder,
/// finished by the same code as a sweep on one machine, so its data files are byte-identical to it.
/// </summary>
internal sealed class MergeCommand(Terminal terminal) : Command<MergeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SHARD_DIR>")]
        [Description("Shard folders written by 'trustsim sweep --shard K/N' (or a folder holding them).")]
        public string[] Shards { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("The sweep folder to write.")]
        public string? Out { get; init; }

        [CommandOption("--force")]
        [Description("Replace an existing --out sweep folder: everything in it is removed first.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Out) ? ValidationResult.Error("give the merged sweep folder with --out DIR") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        // From the start, so SIGTERM or Ctrl-C at any point ends in exit 130 with a message, not the runtime's 143.
        using var signals = new InterruptSignals(cancellationToken);
        string folder = settings.Out!;
        var opened = SweepMerge.Open(settings.Shards);
        if (!opened.Ok) return terminal.BadInput(opened.Problems);
        var merge = opened.Value;

        var mismatches = merge.Mismatches();
        foreach (string m in mismatches) terminal.Error.Print($"trustsim: {m}");
        if (mismatches.Count > 0)
        {
            terminal.Error.Print("trustsim: the shards are not parts of one sweep; nothing was merged");
            return ExitCode.RunFailed;
        }
        var covered = merge.Coverage();
        if (!covered.Ok) return terminal.BadInput(covered.Problems);
        var coverage = covered.Value;
        if (!coverage.Complete)
        {
            ReportGaps(terminal.Error, coverage, merge.Plan.RunCount);
            if (merge.AbsentShards() is { Count: > 0 } absent)
                terminal.Error.Print($"trustsim: no folder was given for shard{(absent.Count == 1 ? "" : "s")} {string.Join(", ", absent)}");
            return ExitCode.RunFailed;
        }
        if (merge.DamagedParts(coverage) is { Count: > 0 } damaged) return terminal.BadInput(damaged);
        if (signals.Token.IsCancellationRequested) return Interrupted(null);

        // --force clears the folder: never one that is, holds or lies inside an input, however it is spelt (symlinks too).
        if (settings.Shards.FirstOrDefault(s => RealPath.Overlap(folder, s)) is { } shard)
        {
            return terminal.BadInput([$"trustsim: {folder}: --out is, holds or lies inside the shard folder {shard}; merge into a new folder"]);
        }
        var claimed = OutputFolder.Claim(new OutputRequest(folder, OutputKind.Sweep, settings.Force, OutputMode.InPlace, [],
            LockHolder.ThisProcess(started, RunEnvironment.CommandLine(context.Arguments))));
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        using var output = claimed.Value;
        try
        {
            merge.WriteProgress(folder, coverage, signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            return Interrupted(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {WriteFailure.Describe(folder, e)}");
            terminal.Error.Print($"The shards are untouched; {folder} is unfinished (no {ManifestJson.FileName}). " +
                                 $"{(WriteFailure.IsDiskFull(e) ? "Make room" : "Fix the cause")} and merge again with --force.");
            return ExitCode.RunFailed;
        }
        catch (InvalidDataException e)
        {
            terminal.Error.Print($"trustsim: {folder}: merging failed: {e.Message}");
            return ExitCode.RunFailed;
        }

        var plan = merge.Plan;
        var done = new RunSet(plan.RunCount, all: true);
        var target = new SweepTarget(Path.Combine(folder, RunFolder.ScenarioFile), merge.Scenario, plan, folder, done,
            plan.RunCount, 0, false) { ShardFolders = merge.Folders };
        var execution = new SweepExecution(target, 1, RunEnvironment.CommandLine(context.Arguments), started, terminal);
        try
        {
            return execution.Finish(signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            return Interrupted(folder);
        }

        int Interrupted(string? written)
        {
            terminal.Error.Print(written is null
                ? "trustsim: interrupted: nothing was merged; the shards are untouched."
                : $"trustsim: interrupted: the merge into {written} is unfinished (no {ManifestJson.FileName}; each file there is whole); " +
                  "the shards are untouched. Merge again with --force.");
            return ExitCode.Interrupted;
        }
    }

    /// <summary>Missing, duplicate and failed runs by id, a line each kind, then what to do.</summary>
    private static void ReportGaps(IAnsiConsole errors, MergeCoverage coverage, long runCount)
    {
        static string Ids(IEnumerable<long> ids, int count) =>
            string.Join(", ", ids.Take(20).Select(i => i.ToString(CultureInfo.InvariantCulture))) + (count > 20 ? ", ..." : "");

        if (coverage.Missing.Count > 0)
            errors.Print($"trustsim: {coverage.Missing.Count} of {runCount} runs missing (no shard finished them): runs {Ids(coverage.Missing, coverage.Missing.Count)}");
        if (coverage.Duplicate.Count > 0)
        {
            errors.Print($"trustsim: {coverage.Duplicate.Count} runs completed in more than one shard folder: runs {Ids(coverage.Duplicate.Keys, coverage.Duplicate.Count)}");
            var first = coverage.Duplicate.First();
            errors.Print($"  e.g. run {first.Key} in {string.Join(" and ", first.Value)}; give each shard once");
        }
        if (coverage.Failed.Count > 0)
        {
            errors.Print($"trustsim: {coverage.Failed.Count} runs failed: runs {Ids(coverage.Failed.Keys, coverage.Failed.Count)}");
            foreach (string shard in coverage.Failed.Values.Distinct().Take(5))
                errors.Print($"  rerun them with: trustsim sweep --resume {shard} --retry-failed");
        }
        errors.Print("trustsim: the shards do not make a complete sweep; nothing was merged. " +
                     "Finish a shard with: trustsim sweep --resume SHARD_DIR (or resubmit its array task), then merge again.");
    }
}
