using System.Numerics;

namespace TrustSim.Experiments;

/// <summary>
/// A set of the run ids of one plan, one bit per run, indexed by the 64-bit run id itself: a plan
/// of more than 2^31 runs needs no narrowing cast (System.Collections.BitArray is int-indexed).
/// </summary>
internal sealed class RunSet
{
    private readonly ulong[] _words;

    /// <param name="runCount">Runs in the plan; ids are 0 to runCount - 1.</param>
    /// <param name="all">Start with every run in the set.</param>
    public RunSet(long runCount, bool all = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runCount);
        RunCount = runCount;
        _words = new ulong[(runCount + 63) / 64];
        if (!all) return;
        Array.Fill(_words, ulong.MaxValue);
        if (runCount % 64 != 0) _words[^1] = (1UL << (int)(runCount % 64)) - 1;
    }

    private RunSet(RunSet other)
    {
        RunCount = other.RunCount;
        _words = (ulong[])other._words.Clone();
    }

    public long RunCount { get; }

    public bool this[long id]
    {
        get => (_words[Word(id)] & Bit(id)) != 0;
        set
        {
            if (value) _words[Word(id)] |= Bit(id);
            else _words[Word(id)] &= ~Bit(id);
        }
    }

    /// <summary>How many runs are in the set.</summary>
    public long Count() => _words.Sum(w => (long)BitOperations.PopCount(w));

    public RunSet Copy() => new(this);

    /// <summary>Adds every run of <paramref name="other"/> (a set over the same plan) to this set.</summary>
    public void Or(RunSet other)
    {
        if (other.RunCount != RunCount) throw new ArgumentException($"a set of {other.RunCount} runs for one of {RunCount}", nameof(other));
        for (var i = 0; i < _words.Length; i++) _words[i] |= other._words[i];
    }

    private long Word(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, RunCount);
        return id / 64;
    }

    private static ulong Bit(long id) => 1UL << (int)(id % 64);
}
