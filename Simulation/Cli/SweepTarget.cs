using System.Collections;
using Spectre.Console;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// What a <c>sweep</c> invocation works on, checked before anything runs: the resolved scenario, its
/// plan, the folder, and which runs are already done (when resuming).
/// </summary>
internal sealed record SweepTarget(string? ScenarioFile, Scenario Scenario, SweepPlan Plan, string Folder, BitArray Done,
    int DoneCount, int FailedBefore, bool Resumed, ShardSpec? Shard = null)
{
    /// <summary>Runs this invocation is responsible for: the whole plan, or the shard's part of it.</summary>
    public long Total => Shard?.RunCountOf(Plan.RunCount) ?? Plan.RunCount;

    /// <summary>The target of the settings, or null after printing why not (exit 2).</summary>
    public static SweepTarget? Open(SweepCommand.Settings settings, DateTime started, IAnsiConsole errors)
    {
        string? folder = settings.ResumeFolder;
        string? scenarioFile = settings.Scenario;
        if (folder is not null)
        {
            string stored = Path.Combine(folder, RunFolder.ScenarioFile);
            if (!File.Exists(stored))
            {
                errors.Print($"trustsim: {folder}: not a sweep folder (no {RunFolder.ScenarioFile}); nothing to resume " +
                             "(a sweep stopped before it wrote its scenario.yaml is started again with --out DIR --force)");
                return null;
            }
            scenarioFile ??= stored;
        }
        var scenario = ScenarioInput.Load(scenarioFile!, settings.Overrides, errors);
        if (scenario is null) return null;
        if (scenario.Sweep is null)
        {
            errors.Print($"{scenarioFile}:1:1: the scenario has no sweep: section, so there is nothing to sweep; " +
                         "add one (see docs/scenarios.md, 'sweep') or use 'trustsim run' for a single scenario");
            return null;
        }
        SweepPlan plan;
        try
        {
            plan = SweepPlan.Build(scenario);
        }
        catch (NotSupportedException e)
        {
            errors.Print($"{scenarioFile}: {e.Message}");
            return null;
        }
        if (plan.RunCount == 0 && plan.Sweep.Design != SweepDesign.Threshold)
        {
            errors.Print($"{scenarioFile}: the sweep has no runs (a parameter has no values)");
            return null;
        }
        if (MemoryCheck.Refuses(SweepMemory.Estimate(plan, settings.Workers ?? Environment.ProcessorCount), "this sweep", errors)) return null;

        string yaml = Normalise(ScenarioWriter.ToYaml(scenario));
        if (folder is not null)
        {
            string storedYaml = Normalise(File.ReadAllText(Path.Combine(folder, RunFolder.ScenarioFile)));
            if (storedYaml != yaml)
            {
                errors.Print($"trustsim: {scenarioFile} (with --set applied) resolves to a different scenario than the sweep in {folder} " +
                             $"(compare with {Path.Combine(folder, RunFolder.ScenarioFile)}); resume with the same scenario and --set, or start a new sweep");
                return null;
            }
            if (!ShardOption.ForResume(settings, folder, errors, out ShardSpec? resumedShard)) return null;
            return WithJournal(settings, scenarioFile, scenario, plan, folder, errors) is { } resumed
                ? ShardOption.Restrict(resumed with { Shard = resumedShard })
                : null;
        }

        if (!ShardOption.ForNewSweep(settings, Environment.GetEnvironmentVariable, errors, out ShardSpec? shard)) return null;
        folder = settings.Out ?? ShardOption.DefaultFolder(RunFolder.DefaultPath("output", scenario.Name, started.ToLocalTime()), shard);
        if (RunFolder.Prepare(folder, settings.Force) is { } problem)
        {
            errors.Print($"trustsim: {problem}");
            return null;
        }
        try
        {
            SweepFolder.ClearProgress(folder);
            AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.ScenarioFile), yaml);
            if (shard is { } spec) ShardOption.WriteManifest(folder, plan, spec);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Print($"trustsim: {folder}: cannot write the sweep folder: {e.Message}");
            return null;
        }
        return ShardOption.Restrict(new SweepTarget(settings.Scenario, scenario, plan, folder, new BitArray((int)plan.RunCount), 0, 0, false, shard));
    }

    private static SweepTarget? WithJournal(SweepCommand.Settings settings, string? scenarioFile, Scenario scenario, SweepPlan plan,
        string folder, IAnsiConsole errors)
    {
        JournalIndex index;
        try
        {
            index = JournalIndex.Build(Path.Combine(folder, SweepJournal.FileName), plan.RunCount);
        }
        catch (InvalidDataException e)
        {
            errors.Print($"trustsim: {e.Message}");
            return null;
        }
        var done = new BitArray(index.Completed);
        if (!settings.RetryFailed) done.Or(index.Failed);
        int doneCount = index.CompletedCount + (settings.RetryFailed ? 0 : index.FailedCount);
        return new SweepTarget(scenarioFile, scenario, plan, folder, done, doneCount, settings.RetryFailed ? 0 : index.FailedCount, true);
    }

    private static string Normalise(string text)
    {
        string lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lf.EndsWith('\n') ? lf : lf + "\n";
    }
}
