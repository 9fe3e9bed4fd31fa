namespace TrustSim.Core;

/// <summary>
/// Derives every seed of an experiment from its master seed by a fixed mixing function, so a
/// run's draws depend on (master seed, design point, replication, stream) and on nothing else:
/// not on worker count, shard split or order of execution.
/// </summary>
internal static class SeedSequence
{
    /// <summary>The separate random streams of one run. Adding a stream never shifts the others.</summary>
    public enum Stream : ulong { Population = 1, Network = 2, Events = 3, Breaches = 4, Users = 5, Institutions = 6, Design = 7 }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood 2014): advances the state and returns a well-mixed value.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>The seed of one replication at one design point.</summary>
    public static ulong RunSeed(ulong masterSeed, long point, long replication)
    {
        // Seed arithmetic wraps around by design (here and below): these are hash functions, not counts.
        unchecked
        {
            var x = Mix(masterSeed ^ 0x5DEECE66DUL);
            x = Mix(x + 0x9E3779B97F4A7C15UL * (ulong)(point + 1));
            return Mix(x + 0xD1B54A32D192ED03UL * (ulong)(replication + 1));
        }
    }

    /// <summary>The generator of one named stream inside a run.</summary>
    public static RandomStream For(ulong runSeed, Stream stream) =>
        new(Mix(unchecked(runSeed + 0xA0761D6478BD642FUL * (ulong)stream)));

    /// <summary>
    /// The generator of chunk <paramref name="chunk"/> of a stream that is split over users in
    /// fixed chunks, so each chunk draws the same numbers whichever thread runs it.
    /// </summary>
    public static RandomStream ForChunk(ulong runSeed, Stream stream, int chunk) =>
        new(Mix(unchecked(Mix(runSeed + 0xA0761D6478BD642FUL * (ulong)stream) + 0xE7037ED1A0B428DBUL * (ulong)(chunk + 1))));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
