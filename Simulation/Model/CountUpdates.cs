using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>
/// Neighbour-count changes that one thread found for users another thread owns, kept until the
/// owner applies them. Each entry packs the user (30 bits; at most 1e8 users) with which of the
/// possible count changes it is (2 bits), so an entry is 4 bytes. The buffer grows by doubling
/// when a step brings more changes than it has seen before, and is reused afterwards.
/// </summary>
internal sealed class CountUpdates
{
    public const int UserBits = 30;
    public const uint UserMask = (1u << UserBits) - 1;

    // The change to the packed count (aware << 16 | adopting) that each kind stands for: the
    // only combinations a step produces (a user who hears of the service is not reconsidered in
    // that step, so it can gain awareness and adoption together but never lose adoption then).
    // (Constant data in the assembly: reading it needs no check that the class is initialised.)
    public static ReadOnlySpan<int> Deltas => [(1 << 16) + 1, 1 << 16, 1, -1];

    private uint[] _entries;

    public CountUpdates(int capacity) => _entries = new uint[Math.Max(16, capacity)];

    public int Count { get; private set; }

    /// <summary>The kind for a count change <paramref name="delta"/>; see <see cref="Deltas"/>.</summary>
    public static uint KindOf(int delta) => delta switch
    {
        (1 << 16) + 1 => 0,
        1 << 16 => 1,
        1 => 2,
        -1 => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(delta), delta, "not a change one step can make"),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int user, uint kind)
    {
        if (Count == _entries.Length) Array.Resize(ref _entries, 2 * _entries.Length);
        _entries[Count++] = (uint)user | kind << UserBits;
    }

    /// <summary>Adds every kept change to the users' neighbour counts and empties the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ApplyTo(NetworkUser[] users)
    {
        var entries = _entries;
        var delta = Deltas;
        for (var k = 0; k < Count; k++)
        {
            var e = entries[k];
            users[e & UserMask].Counts += delta[(int)(e >> UserBits)];
        }
        Count = 0;
    }
}
