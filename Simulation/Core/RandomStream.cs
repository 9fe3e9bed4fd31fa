using System.Runtime.CompilerServices;

namespace TrustSim.Core;

/// <summary>
/// The run's random generator: xoshiro256** seeded through SplitMix64. It derives from
/// <see cref="Random"/> so MathNet's samplers can draw from it, while the hot loops call the
/// sealed, non-virtual <see cref="NextUnit"/> directly. Its output depends only on the seed,
/// never on the .NET version, which <see cref="Random"/>'s own seeded algorithm does not promise.
/// Its arithmetic wraps around 2^64 by design, so it is unchecked even where the build traps
/// overflow (Debug, the tests).
/// </summary>
internal sealed class RandomStream : Random
{
    private Xoshiro256 _generator;

    public RandomStream(ulong seed) => _generator = new Xoshiro256(seed);

    /// <summary>
    /// The generator's state as a value: a loop that draws many numbers takes it into a local,
    /// draws from that, and sets it back before anything else draws from this stream.
    /// </summary>
    public Xoshiro256 Generator
    {
        get => _generator;
        set => _generator = value;
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBits() => _generator.NextBits();

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextUnit() => _generator.NextUnit();

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => NextUnit() < p;

    /// <summary>Longest gap <see cref="NextGap"/> returns; larger gaps (and a chance of 0) are cut to it, which ends any loop over users.</summary>
    public const int MaxGap = 1 << 30;

    /// <summary>
    /// ln(1 - p), the argument <see cref="NextGap"/> takes for trials with success chance
    /// <paramref name="p"/>: negative infinity for p ≥ 1, 0 for p ≤ 0 (no success ever).
    /// </summary>
    public static double LogMiss(double p) => p >= 1 ? double.NegativeInfinity : p <= 0 ? 0 : Math.Log(1 - p);

    /// <summary>
    /// Failures before the next success in independent trials that each succeed with chance p,
    /// given <paramref name="logMiss"/> = ln(1 - p): floor(ln U / ln(1-p)) with U uniform in (0, 1],
    /// which is geometric, P(gap ≥ k) = (1-p)^k, exactly. Skipping by these gaps visits each
    /// trial with chance p, independently, at the cost of the successes only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextGap(double logMiss)
    {
        var gap = Math.Log(1 - NextUnit()) / logMiss;
        // With p = 0 (logMiss = 0) the quotient is infinite or NaN: no success within reach.
        return gap is >= 0 and < MaxGap ? (int)gap : MaxGap;
    }

    /// <summary>Uniform integer in [0, n), without modulo bias (Lemire's method).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextIndex(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        var range = (ulong)n;
        var m = Math.BigMul(NextBits(), range, out var low);
        if (low < range)
        {
            var threshold = unchecked(0 - range) % range;
            while (low < threshold)
                m = Math.BigMul(NextBits(), range, out low);
        }
        return (int)m;
    }

    /// <summary>Standard normal draw (Marsaglia's polar method).</summary>
    // The attribute draws of every world call these through MathNet's samplers: compiled optimised at first call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double NextGaussian()
    {
        double u, v, s;
        do
        {
            u = 2 * NextUnit() - 1;
            v = 2 * NextUnit() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.Sqrt(-2 * Math.Log(s) / s);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double NextDouble() => NextUnit();

    protected override double Sample() => NextUnit();

    public override int Next() => (int)(NextBits() >> 33);

    public override int Next(int maxValue) => maxValue <= 0 ? 0 : NextIndex(maxValue);

    public override int Next(int minValue, int maxValue) =>
        maxValue <= minValue ? minValue : minValue + (int)((long)(NextUnit() * ((long)maxValue - minValue)));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = (byte)(NextBits() >> 56);
    }
}
