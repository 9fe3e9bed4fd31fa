using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// What a <c>sweep</c> invocation works on, checked before anything runs: the resolved scenario, its
/// plan, the folder, and which runs are already done (when resuming).
/// </summary>
/// <param name="Output">The claimed folder (locked for this command; a threshold search's is built beside it and swapped in);
/// null when the caller holds the folder itself (merge).</param>
internal sealed record SweepTarget(string? ScenarioFile, Scenario Scenario, SweepPlan Plan, string Folder, RunSet Done,
    long DoneCount, long FailedBefore, bool Resumed, ShardSpec? Shard = null, OutputFolder? Output = null) : IDisposable
{
    /// <summary>The folders whose parts/ (and finished timeseries.parquet) hold the runs' series when not the sweep's own: a merge's shards.</summary>
    public IReadOnlyList<string> ShardFolders { get; init; } = [];

    /// <summary>What the user should know before the runs start (a restored scenario.yaml, runs done again); printed, never fatal.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Runs this invocation is responsible for: the whole plan, or the shard's part of it.</summary>
    public long Total => Shard?.RunCountOf(Plan.RunCount) ?? Plan.RunCount;

    /// <summary>The folder as the user knows it (<see cref="Folder"/> is where files go, a staging folder for a threshold search).</summary>
    public string ShownFolder => Output?.Folder ?? Folder;

    /// <summary>The target of the settings: a resumed folder or a new one made ready; or the lines that say why not (exit 2).</summary>
    /// <param name="commandLine">The command as typed, for the folder's lock note and the running manifest.</param>
    public static Outcome<SweepTarget> Open(SweepCommand.Settings settings, DateTime started, string commandLine = "trustsim sweep")
    {
        var planned = LoadPlan(settings);
        if (!planned.Ok) return planned.ConvertError<SweepTarget>();
        var holder = LockHolder.ThisProcess(started, commandLine);
        if (settings.ResumeFolder is not { } folder) return Start(settings, planned.Value, started, holder);
        // One writer per folder: a resume while the sweep still runs would append to its journal too.
        if (!Directory.Exists(folder)) return Resume(settings, planned.Value, folder);
        var locked = OutputFolder.Claim(new OutputRequest(folder, OutputKind.Sweep, false, OutputMode.Resume, [], holder));
        if (!locked.Ok) return locked.ConvertError<SweepTarget>();
        var resumed = Resume(settings, planned.Value, folder);
        if (!resumed.Ok) locked.Value.Dispose();
        return resumed.Ok ? Outcome<SweepTarget>.Success(resumed.Value with { Output = locked.Value }) : resumed;
    }

    /// <summary>Releases the folder (and drops a threshold search's unfinished staging folder).</summary>
    public void Dispose() => Output?.Dispose();

    /// <summary>A scenario with a sweep that has runs and fits in memory, and its plan; resolved to the YAML a sweep folder keeps.</summary>
    private sealed record Planned(string ScenarioFile, Scenario Scenario, SweepPlan Plan, string Yaml);

    /// <summary>Loads the scenario (a resumed folder's own when none is given) and plans its sweep.</summary>
    private static Outcome<Planned> LoadPlan(SweepCommand.Settings settings)
    {
        string? scenarioFile = settings.Scenario;
        if (settings.ResumeFolder is { } folder)
        {
            string stored = Path.Combine(folder, RunFolder.ScenarioFile);
            if (!File.Exists(stored))
            {
                return Outcome<Planned>.Failure($"trustsim: {folder}: not a sweep folder (no {RunFolder.ScenarioFile}); nothing to resume " +
                                                "(a sweep stopped before it wrote its scenario.yaml is started again with --out DIR --force)");
            }
            scenarioFile ??= stored;
        }
        // Settings.Validate asks for a scenario file whenever there is no folder to resume.
        var loaded = ScenarioInput.Load(scenarioFile!, settings.Overrides);
        if (!loaded.Ok) return loaded.ConvertError<Planned>();
        var scenario = loaded.Value;
        if (scenario.Sweep is null)
        {
            return Outcome<Planned>.Failure($"{scenarioFile}:1:1: the scenario has no sweep: section, so there is nothing to sweep; " +
                                            "add one (see docs/scenarios.md, 'sweep') or use 'trustsim run' for a single scenario");
        }
        var plan = SweepPlan.Build(scenario);
        if (plan.RunCount == 0 && plan.Sweep.Design != SweepDesign.Threshold)
            return Outcome<Planned>.Failure($"{scenarioFile}: the sweep has no runs (a parameter has no values)");
        if (MemoryCheck.Refusal(SweepMemory.Estimate(plan, settings.Workers ?? Environment.ProcessorCount), "this sweep") is { } refusal)
            return Outcome<Planned>.Failure(refusal);
        return Outcome<Planned>.Success(new Planned(scenarioFile!, scenario, plan, Normalise(ScenarioWriter.ToYaml(scenario))));
    }

    /// <summary>A sweep folder to continue: the same resolved scenario, the same shard, and its journal's finished runs.</summary>
    private static Outcome<SweepTarget> Resume(SweepCommand.Settings settings, Planned planned, string folder)
    {
        var scenario = ResumeCheck.SameScenario(settings, planned.ScenarioFile, planned.Yaml, folder);
        if (!scenario.Ok) return scenario.ConvertError<SweepTarget>();
        var shard = ShardOption.ForResume(settings, folder);
        if (!shard.Ok) return shard.ConvertError<SweepTarget>();
        JournalIndex index;
        try
        {
            index = JournalIndex.Build(Path.Combine(folder, SweepJournal.FileName), planned.Plan, shard.Value);
        }
        catch (InvalidDataException e)
        {
            return Outcome<SweepTarget>.Failure($"trustsim: {e.Message}");
        }
        var done = index.Completed.Copy();
        // A completed run whose time series is damaged is not finished: run it again (its numbers come out the same).
        var damaged = ResumeCheck.DamagedParts(folder, planned.Plan, index);
        foreach (long id in damaged.Keys) done[id] = false;
        if (!settings.RetryFailed) done.Or(index.Failed);
        long doneCount = index.CompletedCount - damaged.Count + (settings.RetryFailed ? 0 : index.FailedCount);
        var target = new SweepTarget(planned.ScenarioFile, planned.Scenario, planned.Plan, folder, done, doneCount,
            settings.RetryFailed ? 0 : index.FailedCount, true, shard.Value)
        {
            Notes = [.. scenario.Value, .. ResumeCheck.DamagedNote(folder, damaged)],
        };
        return Outcome<SweepTarget>.Success(ShardOption.Restrict(target));
    }

    /// <summary>
    /// A new sweep: its shard, and its folder claimed and made ready with a running manifest (not for a
    /// shard, whose shard.json says what it is), the resolved scenario and the shard's manifest. --force
    /// empties an earlier sweep's folder first: a sweep is written in place (it is resumed there), so a
    /// kill after that leaves a new, unfinished sweep that says so, never a mix of two. A threshold search
    /// is not resumable: it is built beside the folder and swapped in, like a run.
    /// </summary>
    private static Outcome<SweepTarget> Start(SweepCommand.Settings settings, Planned planned, DateTime started, LockHolder holder)
    {
        var shard = ShardOption.ForNewSweep(settings, Environment.GetEnvironmentVariable);
        if (!shard.Ok) return shard.ConvertError<SweepTarget>();
        bool threshold = planned.Plan.Sweep.Design == SweepDesign.Threshold;
        OutputRequest Request(string target) => new(target, OutputKind.Sweep, settings.Force, threshold ? OutputMode.Staged : OutputMode.InPlace,
            [planned.ScenarioFile], holder);
        var claimed = settings.Out is { } given
            ? OutputFolder.Claim(Request(given))
            : OutputFolder.ClaimNew(() => ShardOption.DefaultFolder(RunFolder.DefaultPath(RunFolder.DefaultRoot, planned.Scenario.Name, started.ToLocalTime()), shard.Value), Request);
        if (!claimed.Ok) return claimed.ConvertError<SweepTarget>();
        var output = claimed.Value;
        string folder = output.WorkFolder;
        try
        {
            if (shard.Value is null) ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), Running(settings, planned, started, holder));
            AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.ScenarioFile), planned.Yaml);
            if (shard.Value is { } spec) ShardOption.WriteManifest(folder, planned.Plan, spec);
            // Before the first run: what a resume checks the scenario it is given against (shard.json first, which
            // the Slurm script takes as the sign that a shard was started and is to be resumed).
            new SweepStart(planned.Scenario.Name, SweepStart.Sha256Of(planned.Yaml), planned.Plan.RunCount).Write(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Dispose();
            return Outcome<SweepTarget>.Failure($"trustsim: {output.Folder}: cannot write the sweep folder: {output.Shown(e.Message)}");
        }
        var target = new SweepTarget(planned.ScenarioFile, planned.Scenario, planned.Plan, folder, new RunSet(planned.Plan.RunCount), 0, 0, false, shard.Value, output);
        return Outcome<SweepTarget>.Success(ShardOption.Restrict(target));
    }

    /// <summary>The manifest of a sweep under way: its design and counts, status running, no runs finished yet.</summary>
    private static Manifest Running(SweepCommand.Settings settings, Planned planned, DateTime started, LockHolder holder)
    {
        var plan = planned.Plan;
        return RunEnvironment.ForRun(holder.CommandLine, planned.ScenarioFile, planned.Scenario, [], started, started, RunStatus.Running) with
        {
            Sweep = new SweepInfo(SnakeCase.EnumName(plan.Sweep.Design), plan.Parameters.Select(p => p.Path).ToList(), plan.Points.Count,
                plan.Replications, plan.RunCount, 0, 0, settings.Workers ?? Environment.ProcessorCount, false),
        };
    }

    internal static string Normalise(string text)
    {
        string lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lf.EndsWith('\n') ? lf : lf + "\n";
    }
}
