using System.Globalization;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// The shard side of <c>sweep</c>: which shard an invocation runs (flag, array-job environment or the
/// folder being resumed), the shard folder's manifest, and the closing report of a finished shard.
/// </summary>
internal static class ShardOption
{
    /// <summary>The shard of a new sweep (none without --shard or an array job) from --shard, else from the environment; or one line why not.</summary>
    public static Outcome<ShardSpec?> ForNewSweep(SweepCommand.Settings settings, Func<string, string?> environment)
    {
        string? problem;
        ShardSpec? shard = settings.Shard is { } text
            ? ShardSpec.Parse(text, out problem)
            : ShardSpec.FromEnvironment(environment, settings.ShardCount, out problem);
        if (problem is null && settings.Shard is not null && settings.ShardCount is { } n && n != shard!.Value.Count)
        {
            problem = $"--shard {settings.Shard} and --shard-count {n} disagree; give one of them";
        }
        return problem is null ? Outcome<ShardSpec?>.Success(shard) : Outcome<ShardSpec?>.Failure($"trustsim: {problem}");
    }

    /// <summary>The shard of a resumed folder (none for a whole sweep): its shard.json decides; a --shard that differs is refused.</summary>
    public static Outcome<ShardSpec?> ForResume(SweepCommand.Settings settings, string folder)
    {
        var manifest = ShardManifest.Read(folder);
        if (!manifest.Ok) return manifest.ConvertError<ShardSpec?>();
        ShardSpec? shard = manifest.Value?.Spec;
        if (settings.Shard is not { } text) return Outcome<ShardSpec?>.Success(shard);
        ShardSpec? asked = ShardSpec.Parse(text, out string? problem);
        if (problem is null && asked != shard)
        {
            problem = shard is { } held
                ? $"{folder} holds shard {held}, not {asked}; resume it without --shard or with --shard {held}"
                : $"{folder} is not a shard folder (no {ShardManifest.FileName}); resume it without --shard";
        }
        return problem is null ? Outcome<ShardSpec?>.Success(shard) : Outcome<ShardSpec?>.Failure($"trustsim: {problem}");
    }

    /// <summary>The default folder of a shard: the sweep's default with -shard-K-of-N appended.</summary>
    public static string DefaultFolder(string sweepFolder, ShardSpec? shard) =>
        shard is { } s ? string.Create(CultureInfo.InvariantCulture, $"{sweepFolder}-shard-{s.Index}-of-{s.Count}") : sweepFolder;

    public static void WriteManifest(string folder, SweepPlan plan, ShardSpec shard)
    {
        string sha = RunEnvironment.Sha256OfFile(Path.Combine(folder, RunFolder.ScenarioFile))
            ?? throw new IOException($"{folder}: cannot read back {RunFolder.ScenarioFile}");
        ShardManifest.For(plan, shard, sha).Write(folder);
    }

    /// <summary>
    /// A target narrowed to its shard: runs of other shards count as done for the runner (so it never
    /// starts them) but not in <see cref="SweepTarget.DoneCount"/>, which counts the shard's own runs.
    /// </summary>
    public static SweepTarget Restrict(SweepTarget target)
    {
        if (target.Shard is not { } shard) return target;
        var done = target.Done.Copy();
        int ownDone = 0;
        for (long id = 0; id < target.Plan.RunCount; id++)
        {
            if (!shard.Owns(id)) done[id] = true;
            else if (done[id]) ownDone++;
        }
        return target with { Done = done, DoneCount = ownDone };
    }

    /// <summary>Closes a shard whose runs are all journaled: one line, and exit 1 when one of them failed (so an afterok merge is not started).</summary>
    public static int Report(SweepTarget target, DateTime started, Terminal terminal)
    {
        var shard = target.Shard!.Value;
        var index = JournalIndex.Build(Path.Combine(target.Folder, SweepJournal.FileName), target.Plan, shard);
        var failed = shard.RunIds(target.Plan.RunCount).Where(id => index.Failed[id]).ToList();
        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        terminal.Out.Print(string.Create(CultureInfo.InvariantCulture,
            $"{target.Scenario.Name}: shard {shard} done: {target.Total:N0} of {target.Plan.RunCount:N0} runs, {failed.Count} failed, " +
            $"{SweepProgress.Duration(seconds)}; written to {target.Folder}"));
        terminal.Out.Print($"When every shard is done: trustsim merge SHARD_DIR... --out DIR");
        if (failed.Count == 0) return ExitCode.Done;
        var shown = string.Join(", ", failed.Take(10).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        terminal.Error.Print($"trustsim: {failed.Count} run{(failed.Count == 1 ? "" : "s")} of shard {shard} failed (runs {shown}{(failed.Count > 10 ? ", ..." : "")}); " +
                             $"the errors are in {Path.Combine(target.Folder, SweepJournal.FileName)}. Rerun them with: trustsim sweep --resume {target.Folder} --retry-failed");
        return ExitCode.RunFailed;
    }
}
