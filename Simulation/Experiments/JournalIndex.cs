using System.Globalization;

namespace TrustSim.Experiments;

/// <summary>
/// Where each run's latest journal line starts, so finished runs can be read back in run-id order
/// by seeking, without holding their entries: eight bytes per run of the design.
/// </summary>
internal sealed class JournalIndex
{
    private readonly long[] _offsets;

    private JournalIndex(long[] offsets, RunSet completed, RunSet failed)
    {
        _offsets = offsets;
        Completed = completed;
        Failed = failed;
    }

    /// <summary>Runs whose latest entry says completed.</summary>
    public RunSet Completed { get; }

    /// <summary>Runs whose latest entry says failed.</summary>
    public RunSet Failed { get; }

    public long CompletedCount => Completed.Count();

    public long FailedCount => Failed.Count();

    /// <summary>Journal offset of a run's latest entry, or -1 when it has none.</summary>
    public long OffsetOf(long runId) => _offsets[runId];

    /// <summary>
    /// Indexes the journal of <paramref name="plan"/> (of <paramref name="shard"/> only, when given); a
    /// missing file is an empty journal. Every line must be a run of the plan as the plan has it: its id,
    /// point, replication and seed (derived from the master seed), so an edited line is refused, not
    /// trusted or skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not an entry of this plan: "FILE:LINE: why", with what to do.</exception>
    public static JournalIndex Build(string path, SweepPlan plan, ShardSpec? shard = null)
    {
        long runCount = plan.RunCount;
        var offsets = new long[runCount];
        Array.Fill(offsets, -1);
        var completed = new RunSet(runCount);
        var failed = new RunSet(runCount);
        if (!File.Exists(path)) return new JournalIndex(offsets, completed, failed);

        FileStream? earlier = null;
        try
        {
            SweepJournal.Scan(path, (entry, offset, line) =>
            {
                if (Mismatch(entry, plan, shard) is { } why) throw Refused(path, line, why);
                long id = entry.RunId;
                if (completed[id])
                {
                    // Runs are deterministic: a completed run run again (its time-series file was damaged)
                    // gives the same numbers. A line that differs is not this sweep's result.
                    earlier ??= new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    JournalEntry first = SweepJournal.ReadAt(earlier, offsets[id]);
                    if (!entry.Completed || !first.Metrics.SequenceEqual(entry.Metrics))
                        throw Refused(path, line, $"run {Id(id)} is journaled again with {(entry.Completed ? "other numbers" : "a failure")} " +
                                                  "than an earlier line that says it completed");
                }
                // A retried run has several lines; the last one is its outcome.
                offsets[id] = offset;
                completed[id] = entry.Completed;
                failed[id] = !entry.Completed;
            });
        }
        finally
        {
            earlier?.Dispose();
        }
        return new JournalIndex(offsets, completed, failed);
    }

    /// <summary>Why an entry is not a run of the plan (and shard), or null when it is one.</summary>
    private static string? Mismatch(JournalEntry entry, SweepPlan plan, ShardSpec? shard)
    {
        long id = entry.RunId;
        if (id < 0 || id >= plan.RunCount)
            return $"run_id {Id(id)} is not in this sweep, whose runs are 0 to {Id(plan.RunCount - 1)}";
        if (shard is { } s && !s.Owns(id))
            return $"run {Id(id)} belongs to another shard than {s} (run_id % {s.Count} is {Id(id % s.Count)})";
        SweepRun run = plan.Run(id);
        if (entry.Point != run.Point || entry.Replication != run.Replication)
            return $"run {Id(id)} is replication {run.Replication} of design point {run.Point}, but the line says replication {entry.Replication} of point {entry.Point}";
        if (entry.Seed != run.Seed)
            return $"run {Id(id)} has seed {entry.Seed}, but the master seed gives it {run.Seed}";
        return null;
    }

    private static InvalidDataException Refused(string path, int line, string why) =>
        new($"{path}:{line}: {why}; {SweepJournal.EditedLineAdvice}");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
