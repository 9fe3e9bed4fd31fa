using System.Globalization;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// What <c>sweep --resume</c> checks in the folder before trusting it: that the scenario it is given
/// resolves to the one the sweep started with, and that each finished run's time series is whole.
/// </summary>
internal static class ResumeCheck
{
    /// <summary>
    /// Compares the SHA-256 of the resolved scenario (<paramref name="resolvedYaml"/>, from
    /// <paramref name="scenarioFile"/> with --set) with the one recorded when the sweep started (sweep.json;
    /// shard.json or scenario.yaml itself in a folder of an older trustsim). Equal: the notes to print (the
    /// folder's scenario.yaml put back in the tool's form when only comments or layout were edited).
    /// Different: one line saying what changed, why resuming would be wrong, and what to do (exit 2).
    /// </summary>
    public static Outcome<IReadOnlyList<string>> SameScenario(SweepCommand.Settings settings, string scenarioFile, string resolvedYaml, string folder)
    {
        string stored = Path.Combine(folder, RunFolder.ScenarioFile);
        var start = SweepStart.Read(folder, out string? unreadable);
        if (unreadable is not null) return Outcome<IReadOnlyList<string>>.Failure(unreadable);
        var shard = ShardManifest.Read(folder);
        if (!shard.Ok) return shard.ConvertError<IReadOnlyList<string>>();
        string? recorded = start?.ScenarioSha256 ?? shard.Value?.ScenarioSha256;
        string where = start is not null ? SweepStart.FileName : shard.Value is not null ? ShardManifest.FileName : RunFolder.ScenarioFile;
        // A folder from before sweep.json: its scenario.yaml, as the tool wrote it, is the only record.
        recorded ??= SweepStart.Sha256Of(SweepTarget.Normalise(AtomicFile.Utf8.GetString(WholeFile.ReadAllBytes(stored))));
        string now = SweepStart.Sha256Of(resolvedYaml);
        bool own = RealPath.Of(scenarioFile) == RealPath.Of(stored) && settings.Overrides.Length == 0;
        string afresh = $"start a new sweep with it (in a new folder, or --out {folder} --force to replace this one)";
        if (now != recorded && own && start is null && shard.Value is null)
        {
            return Outcome<IReadOnlyList<string>>.Failure(
                $"trustsim: {stored} was edited after the sweep wrote it: it is no longer in the form the tool writes, and this folder " +
                $"(from an older trustsim) has no {SweepStart.FileName} recording the scenario it started with, so a changed value cannot be " +
                $"told from a changed comment. Put the file back as it was to resume; or, to run the edited scenario, copy it out of {folder} and {afresh}");
        }
        if (now != recorded && own)
        {
            return Outcome<IReadOnlyList<string>>.Failure(
                $"trustsim: {stored} was edited after the sweep started: the scenario it resolves to has SHA-256 {Short(now)} now, " +
                $"{Short(recorded)} when the sweep started (recorded in {Path.Combine(folder, where)}). Resuming would mix runs of two " +
                $"different scenarios in one sweep. Put the file back as it was to resume; or, to run the edited scenario, copy it out of {folder} and {afresh}");
        }
        if (now != recorded)
        {
            string given = settings.Overrides.Length > 0 ? $"{scenarioFile} with --set applied" : scenarioFile;
            return Outcome<IReadOnlyList<string>>.Failure(
                $"trustsim: {given} resolves to a different scenario than the sweep in {folder} started with: SHA-256 {Short(now)} now, " +
                $"{Short(recorded)} at the start (recorded in {Path.Combine(folder, where)}). Resuming would mix runs of two different " +
                $"scenarios in one sweep. Resume with the scenario and --set options it started with ('trustsim sweep --resume {folder}' " +
                $"uses the folder's own {RunFolder.ScenarioFile}, which needs no --set); or, to run this scenario, {afresh}");
        }
        // The same scenario. The folder's copy must still be the tool's form of it, byte for byte, since it is
        // one of the sweep's data files; an edit that changed no value (a comment, the layout) is undone.
        if (WholeFile.ReadAllBytes(stored).AsSpan().SequenceEqual(AtomicFile.Utf8.GetBytes(resolvedYaml))) return Outcome<IReadOnlyList<string>>.Success([]);
        try
        {
            AtomicFile.WriteAllText(stored, resolvedYaml);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome<IReadOnlyList<string>>.Failure($"trustsim: {stored}: cannot write it back as the sweep started with it: {e.Message}");
        }
        return Outcome<IReadOnlyList<string>>.Success(
            [$"note: {stored} had been edited without changing the scenario (comments or layout); it is written back as the sweep started with it"]);
    }

    /// <summary>The completed runs of <paramref name="index"/> whose time series (parts/, or a finished timeseries.parquet) is missing or damaged, with why.</summary>
    public static SortedDictionary<long, string> DamagedParts(string folder, SweepPlan plan, JournalIndex index)
    {
        var damaged = new SortedDictionary<long, string>();
        using RunSeriesStore store = SweepSeries.Open([folder], plan);
        for (long id = 0; id < index.Completed.RunCount; id++)
        {
            if (index.Completed[id] && store.Check(id) is { } problem) damaged[id] = problem;
        }
        return damaged;
    }

    /// <summary>The line saying which finished runs are done again because their time series is damaged; none when none is.</summary>
    public static IReadOnlyList<string> DamagedNote(string folder, SortedDictionary<long, string> damaged)
    {
        if (damaged.Count == 0) return [];
        var shown = damaged.Take(5).Select(d => $"run {d.Key.ToString(CultureInfo.InvariantCulture)} is {d.Value}");
        string runs = damaged.Count == 1 ? "1 finished run has" : string.Create(CultureInfo.InvariantCulture, $"{damaged.Count} finished runs have");
        return [$"note: {runs} a missing or damaged time series in {Path.Combine(folder, RunSpool.FolderName)} and will run again: " +
                $"{string.Join("; ", shown)}{(damaged.Count > 5 ? "; ..." : "")}"];
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
