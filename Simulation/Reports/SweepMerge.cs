using System.Globalization;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// The shard folders of one sweep, checked against each other: same resolved scenario (SHA-256 of
/// scenario.yaml), same design, same number of shards, and every run of the plan completed in
/// exactly one of them. A complete set is turned into an ordinary sweep folder's journal and parts,
/// so the folder is then finished by the same code as a sweep run on one machine.
/// </summary>
internal sealed class SweepMerge
{
    private readonly IReadOnlyList<(string Folder, ShardManifest Manifest)> _shards;

    private SweepMerge(IReadOnlyList<(string, ShardManifest)> shards, Scenario scenario, SweepPlan plan, string scenarioPath)
    {
        _shards = shards;
        Scenario = scenario;
        Plan = plan;
        ScenarioPath = scenarioPath;
    }

    public Scenario Scenario { get; }

    public SweepPlan Plan { get; }

    /// <summary>The first shard's scenario.yaml, which every shard's matches byte for byte once <see cref="Mismatches"/> is empty.</summary>
    public string ScenarioPath { get; }

    /// <summary>
    /// Reads the shard folders; or the lines that say why not when one is not a shard folder or its scenario
    /// does not load (bad input, exit 2). A folder holding shard folders stands for all of them.
    /// </summary>
    public static Outcome<SweepMerge> Open(IReadOnlyList<string> folders)
    {
        var found = new List<(string, ShardManifest)>();
        foreach (string folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                return Outcome<SweepMerge>.Failure($"trustsim: {folder}: no such folder");
            }
            var own = ShardManifest.Read(folder);
            if (!own.Ok) return own.ConvertError<SweepMerge>();
            if (own.Value is { } manifest)
            {
                found.Add((folder, manifest));
                continue;
            }
            var inner = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).Select(d => (d, ShardManifest.Read(d))).ToList();
            if (inner.FirstOrDefault(x => !x.Item2.Ok) is { Item2: { } bad }) return bad.ConvertError<SweepMerge>();
            var shards = inner.Where(x => x.Item2.Value is not null).ToList();
            if (shards.Count == 0)
            {
                return Outcome<SweepMerge>.Failure($"trustsim: {folder}: not a shard folder (no {ShardManifest.FileName}); shards are written by 'trustsim sweep --shard K/N'");
            }
            found.AddRange(shards.Select(x => (x.d, x.Item2.Value!)));
        }
        string scenarioPath = Path.Combine(found[0].Item1, RunFolder.ScenarioFile);
        var loaded = ScenarioLoader.Load(scenarioPath, []);
        if (loaded.Scenario is not { } scenario)
        {
            return Outcome<SweepMerge>.Failure(loaded.Problems.Select(p => p.ToString()));
        }
        if (scenario.Sweep is null)
        {
            return Outcome<SweepMerge>.Failure($"{scenarioPath}:1:1: the scenario has no sweep: section; this is not a sweep's shard");
        }
        return Outcome<SweepMerge>.Success(new SweepMerge(found, scenario, SweepPlan.Build(scenario), scenarioPath));
    }

    /// <summary>Shards that are not parts of the same sweep as the first one, one line each.</summary>
    public IReadOnlyList<string> Mismatches()
    {
        var (firstFolder, first) = _shards[0];
        var problems = new List<string>();
        foreach (var (folder, m) in _shards)
        {
            string? actual = RunEnvironment.Sha256OfFile(Path.Combine(folder, RunFolder.ScenarioFile));
            if (actual != m.ScenarioSha256)
                problems.Add($"{folder}: {RunFolder.ScenarioFile} was changed after the shard started (its SHA-256 differs from {ShardManifest.FileName})");
            else if (m.ScenarioSha256 != first.ScenarioSha256)
                problems.Add($"{folder}: a different resolved scenario than {firstFolder} (scenario.yaml SHA-256 {Short(m.ScenarioSha256)} vs {Short(first.ScenarioSha256)})");
            if (m.Design != first.Design || m.RunCount != first.RunCount)
                problems.Add($"{folder}: design {m.Design} of {m.RunCount} runs, but {firstFolder} has design {first.Design} of {first.RunCount} runs");
            if (m.Shards != first.Shards)
                problems.Add($"{folder}: shard {m.Spec} of a split into {m.Shards}, but {firstFolder} is of a split into {first.Shards}");
        }
        if (first.RunCount != Plan.RunCount)
            problems.Add($"{firstFolder}: {ShardManifest.FileName} says {first.RunCount} runs but the scenario plans {Plan.RunCount}");
        return problems;
    }

    /// <summary>Shard indices of the split that no given folder holds, e.g. "2/4".</summary>
    public IReadOnlyList<string> AbsentShards()
    {
        int count = _shards[0].Manifest.Shards;
        var present = _shards.Select(s => s.Manifest.Shard).ToHashSet();
        return Enumerable.Range(0, count).Where(k => !present.Contains(k)).Select(k => new ShardSpec(k, count).ToString()).ToList();
    }

    /// <summary>
    /// Which runs are missing, completed in more than one shard, or failed; and where each completed run is.
    /// Or, as bad input, the journal line that is not a run of this sweep's plan and shard (file and line named).
    /// </summary>
    public Outcome<MergeCoverage> Coverage()
    {
        try
        {
            return Outcome<MergeCoverage>.Success(Cover());
        }
        catch (InvalidDataException e)
        {
            return Outcome<MergeCoverage>.Failure($"trustsim: {e.Message}",
                "trustsim: merge reads the shards and changes none of them; fix that shard's journal (or resume that shard), then merge again");
        }
    }

    /// <summary>
    /// The completed runs whose time series (in the shard's parts/) is missing or damaged, one line each (at
    /// most five a shard) and then, a line a shard, what to do: merge cannot run them again, a resume of that shard can.
    /// </summary>
    public IReadOnlyList<string> DamagedParts(MergeCoverage coverage)
    {
        var report = new List<string>();
        for (int s = 0; s < _shards.Count; s++)
        {
            var lines = new List<string>();
            using (RunSeriesStore store = SweepSeries.Open([_shards[s].Folder], Plan))
            {
                foreach (long id in _shards[s].Manifest.Spec.RunIds(Plan.RunCount))
                {
                    if (coverage.Owner[id] != s || store.Check(id) is not { } problem) continue;
                    lines.Add($"trustsim: {_shards[s].Folder}: run {id.ToString(CultureInfo.InvariantCulture)} is journaled as completed, but its time series is {problem}");
                }
            }
            if (lines.Count == 0) continue;
            report.AddRange(lines.Take(5));
            if (lines.Count > 5) report.Add($"trustsim: ... and {lines.Count - 5} more in {_shards[s].Folder}");
            report.Add($"  merge cannot run {(lines.Count == 1 ? "it" : "them")} again; resume that shard, which does: trustsim sweep --resume {_shards[s].Folder}; then merge again");
        }
        return report;
    }

    /// <summary>The shard folders, whose series the merged folder's final files are assembled from where they are.</summary>
    public IReadOnlyList<string> Folders => _shards.Select(s => s.Folder).ToList();

    private MergeCoverage Cover()
    {
        var owner = new int[Plan.RunCount];
        Array.Fill(owner, -1);
        var offsets = new long[Plan.RunCount];
        var duplicate = new SortedDictionary<long, List<string>>();
        var failed = new SortedDictionary<long, string>();
        for (int s = 0; s < _shards.Count; s++)
        {
            var (folder, manifest) = _shards[s];
            var index = JournalIndex.Build(Path.Combine(folder, SweepJournal.FileName), Plan, manifest.Spec);
            foreach (long id in manifest.Spec.RunIds(Plan.RunCount))
            {
                if (index.Completed[id])
                {
                    if (owner[id] >= 0)
                    {
                        if (!duplicate.TryGetValue(id, out var where)) duplicate[id] = where = [_shards[owner[id]].Folder];
                        where.Add(folder);
                        continue;
                    }
                    owner[id] = s;
                    offsets[id] = index.OffsetOf(id);
                    failed.Remove(id);
                }
                else if (index.Failed[id] && owner[id] < 0)
                {
                    failed[id] = folder;
                }
            }
        }
        var missing = new List<long>();
        for (long id = 0; id < Plan.RunCount; id++)
        {
            if (owner[id] < 0 && !failed.ContainsKey(id)) missing.Add(id);
        }
        return new MergeCoverage(missing, duplicate.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Value),
            failed.ToDictionary(f => f.Key, f => f.Value), owner, offsets);
    }

    /// <summary>
    /// Writes the sweep folder's scenario.yaml, sweep.json and journal.jsonl (run-id order) from a complete
    /// <paramref name="coverage"/>, and an empty parts/ for runs the folder may run itself later; the runs'
    /// series stay in the shards, from which the caller then finishes it as any sweep folder
    /// (<see cref="Folders"/>). Cancelled between runs: the journal, written last under its name, is then
    /// not there, so the folder is recognisably unfinished and holds no partial file.
    /// </summary>
    public void WriteProgress(string folder, MergeCoverage coverage, CancellationToken cancel = default)
    {
        SweepFolder.ClearProgress(folder);
        string yaml = AtomicFile.Utf8.GetString(WholeFile.ReadAllBytes(ScenarioPath));
        AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.ScenarioFile), yaml);
        new SweepStart(Scenario.Name, SweepStart.Sha256Of(yaml), Plan.RunCount).Write(folder);
        Directory.CreateDirectory(Path.Combine(folder, RunSpool.FolderName));
        var journals = _shards.Select(s => new FileStream(Path.Combine(s.Folder, SweepJournal.FileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite)).ToArray();
        try
        {
            AtomicFile.Write(Path.Combine(folder, SweepJournal.FileName), output =>
            {
                for (long id = 0; id < Plan.RunCount; id++)
                {
                    cancel.ThrowIfCancellationRequested();
                    int s = coverage.Owner[id];
                    // As the shard wrote it: every line was checked when the shards were indexed.
                    output.Write(SweepJournal.LineAt(journals[s], coverage.Offsets[id]));
                }
            });
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}

/// <summary>
/// What the shards hold of a plan: runs no shard has finished, runs completed in several shard
/// folders (with the folders), runs whose only outcome is a failure (with the folder), and for each
/// completed run the shard (index into the merge's shards) and journal offset of its entry.
/// </summary>
internal sealed record MergeCoverage(IReadOnlyList<long> Missing, IReadOnlyDictionary<long, IReadOnlyList<string>> Duplicate,
    IReadOnlyDictionary<long, string> Failed, int[] Owner, long[] Offsets)
{
    public bool Complete => Missing.Count == 0 && Duplicate.Count == 0 && Failed.Count == 0;
}
