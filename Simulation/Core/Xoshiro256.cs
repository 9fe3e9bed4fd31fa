using System.Runtime.CompilerServices;

namespace TrustSim.Core;

/// <summary>
/// The state and step of xoshiro256** as a value, the generator behind <see cref="RandomStream"/>.
/// A hot loop can copy a stream's state into a local (<see cref="RandomStream.Generator"/>), draw
/// from it in registers and store it back, instead of reading and writing the stream's fields in
/// memory at every draw; the numbers are the same either way. Its arithmetic wraps around 2^64.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The state filled by four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256(ulong seed)
    {
        var x = seed;
        _s0 = SeedSequence.SplitMix64(ref x);
        _s1 = SeedSequence.SplitMix64(ref x);
        _s2 = SeedSequence.SplitMix64(ref x);
        _s3 = SeedSequence.SplitMix64(ref x);
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBits()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits: the top 53 bits of <see cref="NextBits"/> times 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextUnit() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
