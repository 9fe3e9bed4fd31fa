using System.Globalization;

namespace TrustSim.Experiments;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: the runs whose id is congruent to the index
/// modulo the count. Round-robin rather than contiguous blocks, because neighbouring run ids are the
/// replications of one design point and neighbouring points differ in cost (a bigger world, a longer
/// horizon): dealing ids out in turn gives every shard a near-equal slice of every part of the design.
/// </summary>
/// <param name="Index">Which shard, 0 to Count - 1.</param>
/// <param name="Count">How many shards the sweep is split into, at least 1.</param>
internal readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>Whether run <paramref name="runId"/> belongs to this shard.</summary>
    public bool Owns(long runId) => runId % Count == Index;

    /// <summary>The run ids of a plan with <paramref name="runCount"/> runs that this shard owns, ascending.</summary>
    public IEnumerable<long> RunIds(long runCount)
    {
        for (long id = Index; id < runCount; id += Count) yield return id;
    }

    /// <summary>How many of <paramref name="runCount"/> runs this shard owns (the shards differ by at most one).</summary>
    public long RunCountOf(long runCount) => runCount <= Index ? 0 : (runCount - Index + Count - 1) / Count;

    /// <summary>"K/N" as the --shard flag takes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses "K/N" (0 &lt;= K &lt; N); null with a one-line <paramref name="problem"/> otherwise.</summary>
    public static ShardSpec? Parse(string text, out string? problem)
    {
        problem = null;
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !TryInt(parts[0], out int k) || !TryInt(parts[1], out int n))
        {
            problem = $"--shard '{text}': expected K/N with whole numbers, e.g. --shard 0/4 for the first of four shards";
            return null;
        }
        return Check(k, n, $"--shard {text}", out problem);
    }

    /// <summary>
    /// The shard an array job's environment assigns when no --shard is given: Slurm's
    /// SLURM_ARRAY_TASK_ID (with SLURM_ARRAY_TASK_COUNT, or <paramref name="count"/> when given), or
    /// Kubernetes' JOB_COMPLETION_INDEX with <paramref name="count"/>. Null with no problem when the
    /// environment names no shard; null with a problem when it names one badly.
    /// </summary>
    public static ShardSpec? FromEnvironment(Func<string, string?> environment, int? count, out string? problem)
    {
        problem = null;
        string? slurmTask = environment("SLURM_ARRAY_TASK_ID");
        if (!string.IsNullOrEmpty(slurmTask))
        {
            string? slurmCount = environment("SLURM_ARRAY_TASK_COUNT");
            if (!TryInt(slurmTask, out int k))
            {
                problem = $"SLURM_ARRAY_TASK_ID='{slurmTask}' is not a whole number; give the shard with --shard K/N";
                return null;
            }
            if (count is { } given) return Check(k, given, $"SLURM_ARRAY_TASK_ID={k} with --shard-count {given}", out problem);
            if (!TryInt(slurmCount ?? "", out int n))
            {
                problem = $"SLURM_ARRAY_TASK_ID={k} but SLURM_ARRAY_TASK_COUNT='{slurmCount}' is not a whole number; give --shard-count N or --shard K/N";
                return null;
            }
            return Check(k, n, $"SLURM_ARRAY_TASK_ID={k} of SLURM_ARRAY_TASK_COUNT={n} (an array not numbered 0 to N-1 needs --shard K/N)", out problem);
        }
        string? index = environment("JOB_COMPLETION_INDEX");
        if (count is { } shards)
        {
            if (string.IsNullOrEmpty(index) || !TryInt(index, out int k))
            {
                problem = $"--shard-count {shards} needs the shard index from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX, and neither is a whole number here; use --shard K/N";
                return null;
            }
            return Check(k, shards, $"JOB_COMPLETION_INDEX={k} with --shard-count {shards}", out problem);
        }
        return null;
    }

    private static ShardSpec? Check(int k, int n, string source, out string? problem)
    {
        problem = n < 1 ? $"{source}: the number of shards must be at least 1"
            : k < 0 || k >= n ? $"{source}: the shard index must be between 0 and {n - 1}"
            : null;
        return problem is null ? new ShardSpec(k, n) : null;
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
