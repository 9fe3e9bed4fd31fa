using System.Globalization;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>Runs a checked sweep target: the pending runs, then the final files, then the closing report.</summary>
internal sealed class SweepExecution(SweepTarget target, int workers, string commandLine, DateTime started, Terminal terminal)
{
    public int Run(CancellationToken cancel)
    {
        var plan = target.Plan;
        var name = target.Scenario.Name;
        foreach (string note in target.Notes) terminal.Error.Print($"trustsim: {note}");
        SweepRunnerResult result;
        try
        {
            using (var journal = SweepJournal.OpenForAppend(Path.Combine(target.Folder, SweepJournal.FileName)))
            {
                var runner = new SweepRunner(plan, target.Folder, workers);
                result = SweepProgress.Run(terminal.Out, name, target.Total, target.DoneCount, target.FailedBefore,
                    report => runner.Run(journal, target.Done, entry =>
                    {
                        report(entry);
                        VanishedFolderException.ThrowIfVanished(target.Folder);
                    }, cancel));
            }
            VanishedFolderException.ThrowIfVanished(target.Folder);
        }
        // A write that failed because the folder was deleted under it is the vanished case too:
        // which of the two a worker hits first is a race. While the sweep runs it only writes in
        // its own folder, so a file or folder it made going missing means that folder is being
        // removed, even if the journal has not gone yet (a recursive delete may reach it last).
        catch (Exception e) when (Unwrap(e) is VanishedFolderException or FileNotFoundException or DirectoryNotFoundException
                                  || (Unwrap(e) is IOException && !File.Exists(Path.Combine(target.Folder, SweepJournal.FileName))))
        {
            var vanished = new VanishedFolderException();
            terminal.Error.Print($"trustsim: {target.Folder}: {vanished.Message}; its finished runs went with it: start the sweep again");
            return ExitCode.RunFailed;
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {target.Folder}: writing failed: {Unwrap(e).Message}");
            terminal.Error.Print($"Finished runs are kept in the journal; fix the cause and continue with: trustsim sweep --resume {target.Folder}");
            return ExitCode.RunFailed;
        }

        long finished = target.DoneCount + result.Finished;
        if (result.Cancelled && finished < target.Total)
        {
            terminal.Error.Print($"trustsim: interrupted: {finished:N0} of {target.Total:N0} runs are finished and journaled in {target.Folder}.");
            terminal.Error.Print($"Continue with: trustsim sweep --resume {target.Folder}");
            return ExitCode.Interrupted;
        }
        return target.Shard is null ? Finish() : ShardOption.Report(target, started, terminal);
    }

    /// <summary>
    /// The final files of a sweep whose every run is journaled: data, charts, manifest. <c>merge</c> ends here
    /// too, and passes its interrupt: <paramref name="cancel"/> is honoured between the files (an
    /// <see cref="OperationCanceledException"/> before manifest.json, so the folder stays marked unfinished).
    /// </summary>
    internal int Finish(CancellationToken cancel = default)
    {
        var plan = target.Plan;
        JournalIndex index;
        try
        {
            index = SweepFolder.AssembleData(target.Folder, plan, target.ShardFolders.Count > 0 ? target.ShardFolders : null, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            string problem = e is InvalidDataException ? $"{target.Folder}: cannot assemble the data files: {e.Message}"
                : WriteFailure.Describe($"the data files in {target.Folder}", e);
            terminal.Error.Print($"trustsim: {problem}");
            // A merged folder's runs are in the shards, which a resume of the folder does not read: merge again.
            terminal.Error.Print(target.ShardFolders.Count > 0
                ? $"The shards are untouched; {target.Folder} is unfinished (no {ManifestJson.FileName}). " +
                  $"{(WriteFailure.IsDiskFull(e) ? "Make room" : "Fix the cause")} and merge again with --force."
                : $"The journal is intact; retry with: trustsim sweep --resume {target.Folder}");
            return ExitCode.RunFailed;
        }
        cancel.ThrowIfCancellationRequested();
        var charts = SweepChartData.Build(target.Folder, target.Scenario).Draw(Path.Combine(target.Folder, RunFolder.ChartsFolder));
        var sensitivity = SensitivityReport.Write(target.Folder, plan, terminal);
        charts = new ChartSetResult([.. charts.Written, .. sensitivity.Charts.Written], [.. charts.Problems, .. sensitivity.Charts.Problems]);
        foreach (var p in charts.Problems) terminal.Error.Print($"trustsim: {p}");
        cancel.ThrowIfCancellationRequested();

        var ended = DateTime.UtcNow;
        var manifest = RunEnvironment.ForRun(commandLine, target.ScenarioFile, target.Scenario, [], started, ended,
            index.FailedCount == 0 ? RunStatus.Completed : RunStatus.Failed,
            index.FailedCount == 0 ? null : $"{index.FailedCount} of {plan.RunCount} runs failed (see runs.csv)") with
        {
            Sweep = new SweepInfo(SnakeCase.EnumName(plan.Sweep.Design), plan.Parameters.Select(p => p.Path).ToList(), plan.Points.Count,
                plan.Replications, plan.RunCount, index.CompletedCount, index.FailedCount, workers, target.Resumed),
            Warnings = sensitivity.Warnings.Count == 0 ? null : sensitivity.Warnings,
        };
        string manifestPath = Path.Combine(target.Folder, ManifestJson.FileName);
        try
        {
            ManifestJson.Write(manifestPath, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Written last on purpose: without it the folder is marked unfinished, and everything before it is whole.
            terminal.Error.Print($"trustsim: {WriteFailure.Describe(manifestPath, e)}");
            terminal.Error.Print($"The data files and charts in {target.Folder} are whole, but without {ManifestJson.FileName} it is unfinished; " +
                                 $"{(WriteFailure.IsDiskFull(e) ? "make room" : "fix the cause")} and finish it with: trustsim sweep --resume {target.Folder}");
            return ExitCode.RunFailed;
        }
        bool reported = FolderReport.Finish(target.Folder, terminal);

        terminal.Out.Print(string.Create(CultureInfo.InvariantCulture,
            $"{target.Scenario.Name}: {plan.RunCount:N0} runs ({plan.Points.Count:N0} points x {plan.Replications} replications), " +
            $"{index.FailedCount} failed, {SweepProgress.Duration((ended - started).TotalSeconds)} on {workers} worker{(workers == 1 ? "" : "s")}; written to {target.Folder}"));
        terminal.Out.Print($"Data: runs.csv, points.csv, timeseries.parquet; charts: {Path.Combine(target.Folder, RunFolder.ChartsFolder)} ({charts.Written.Count})");
        if (index.FailedCount > 0) PrintFailures(index);
        return index.FailedCount == 0 && charts.Problems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
    }

    /// <summary>The failures grouped by error text, most frequent first, with a few run ids each.</summary>
    private void PrintFailures(JournalIndex index)
    {
        var groups = new Dictionary<string, List<long>>();
        string path = Path.Combine(target.Folder, SweepJournal.FileName);
        using (var journal = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            for (long id = 0; id < target.Plan.RunCount; id++)
            {
                if (!index.Failed[id]) continue;
                string error = SweepJournal.ReadAt(journal, index.OffsetOf(id)).Error ?? "";
                if (!groups.TryGetValue(error, out var ids)) groups[error] = ids = [];
                ids.Add(id);
            }
        }
        long failed = index.FailedCount;
        terminal.Error.Print($"trustsim: {failed} run{(failed == 1 ? "" : "s")} failed:");
        foreach (var (error, ids) in groups.OrderByDescending(g => g.Value.Count).Take(5))
        {
            var shown = string.Join(", ", ids.Take(5).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            terminal.Error.Print($"  {ids.Count} x {error} (runs {shown}{(ids.Count > 5 ? ", ..." : "")})");
        }
        terminal.Error.Print($"Each failure is in runs.csv (status, error). Rerun them with: trustsim sweep --resume {target.Folder} --retry-failed");
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;

}
