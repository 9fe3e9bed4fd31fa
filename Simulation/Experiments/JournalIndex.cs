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

    /// <summary>Indexes a journal of a plan with <paramref name="runCount"/> runs; a missing file is an empty journal.</summary>
    /// <exception cref="InvalidDataException">A line is not an entry, or names a run outside the plan.</exception>
    public static JournalIndex Build(string path, long runCount)
    {
        var offsets = new long[runCount];
        Array.Fill(offsets, -1);
        var completed = new RunSet(runCount);
        var failed = new RunSet(runCount);
        if (File.Exists(path))
        {
            SweepJournal.Scan(path, (entry, offset) =>
            {
                if (entry.RunId < 0 || entry.RunId >= runCount)
                {
                    throw new InvalidDataException($"{path}: run {entry.RunId} is not in this sweep's plan of {runCount} runs");
                }
                // A retried run has several lines; the last one is its outcome.
                offsets[entry.RunId] = offset;
                completed[entry.RunId] = entry.Completed;
                failed[entry.RunId] = !entry.Completed;
            });
        }
        return new JournalIndex(offsets, completed, failed);
    }
}
