using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace TrustSim.Core;

/// <summary>
/// Memory hints for loops whose reads land on random cache lines (users drawn at random, their
/// neighbours): a loop that knows which elements it will read soon asks for their lines now, so
/// the loads overlap the work in between instead of stalling one after another. A hint reads and
/// writes nothing: results are the same with it, without it, and on processors without it.
/// </summary>
internal static class CacheLine
{
    /// <summary>Starts loading the cache line of <paramref name="array"/>[<paramref name="index"/>] (an index inside the array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T[] array, int index)
    {
        // The address is only a hint: were the array moved by the collector in between, the
        // processor would load a line nobody reads, and nothing else would happen.
        if (Sse.IsSupported)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index)));
    }
}
