using System.Numerics;
using System.Runtime.CompilerServices;

namespace TrustSim.Core;

/// <summary>
/// <see cref="RandomStream.NextGap"/> for one fixed ln(1-p), by table look-up instead of a
/// logarithm, with the same result for every draw. The gap is floor(ln(1-u)/ln(1-p)) for the
/// uniform u = k 2^-53 of the next 53 random bits k; 1 - u = K 2^-53 exactly, K = 2^53 - k.
/// The table cuts K's range by its leading bit and the next few bits into buckets so narrow that
/// the real-valued quotient q*(K) = ln(K 2^-53)/ln(1-p) (decreasing in K) crosses at most one
/// integer in each. A bucket it crosses none of has one gap; a bucket it crosses one of, n, at
/// K_n = e^(n ln(1-p)) 2^53, has gap n below K_n and n-1 above. Only within a relative
/// 2e-9 (n+1) of the crossing, where the computed logarithm's few ulps of error could fall either
/// way, does it take the logarithm as NextGap does (about once in 10^8 draws), and so does every
/// K outside the table (K below 2^(53-Exponents), about one draw in 65,000). With a margin 10^6
/// times the error of a logarithm and a quotient, the table gives NextGap's result for every K.
/// In front of it, a direct table by the top 14 bits of k holds the gap of every such slice of
/// k whose gap the same margins prove constant (nearly all the draws for the users' chances), so
/// most draws cost one shift and one read of a 32 KB table.
/// </summary>
internal sealed class GeometricGaps
{
    // The table covers K ≥ 2^(53 - Exponents): 1 - u ≥ 2^-16.
    private const int Exponents = 16;

    private const ulong Whole = 1UL << 53;

    // The direct table: 2^14 slices of k (of u), each its gap or Ambiguous.
    private const int DirectBits = 14;
    private const int DirectShift = 53 - DirectBits;
    private const ushort Ambiguous = ushort.MaxValue;

    private readonly ushort[] _direct;
    private readonly Bucket[] _buckets;
    private readonly int _bits;

    private GeometricGaps(double logMiss)
    {
        LogMiss = logMiss;
        // Enough bits that a bucket spans at most a quarter of a gap: ln of its width, about
        // 2^-bits, over |ln(1-p)|. Never more than 12 (a larger table would not stay in cache);
        // for chances so small that 12 bits do not do, buckets crossing several integers fall back.
        _bits = double.IsFinite(logMiss) && logMiss < 0 ? Math.Clamp((int)Math.Ceiling(Math.Log2(4 / -logMiss)), 1, 12) : 1;
        _buckets = new Bucket[Exponents << _bits];
        for (var b = 0; b < _buckets.Length; b++) _buckets[b] = Classify(b);
        _direct = new ushort[1 << DirectBits];
        for (var j = 0; j < _direct.Length; j++)
        {
            // Slice j: k in [j, j+1) 2^DirectShift, so K = 2^53 - k in (2^53 - (j+1) 2^DirectShift, 2^53 - j 2^DirectShift].
            var gap = ConstantGap(Whole - ((ulong)(j + 1) << DirectShift) + 1, Whole - ((ulong)j << DirectShift) + 1);
            _direct[j] = gap is >= 0 and < Ambiguous ? (ushort)gap : Ambiguous;
        }
    }

    /// <summary>ln(1-p), the argument of <see cref="RandomStream.NextGap"/> this table stands for.</summary>
    public double LogMiss { get; }

    /// <summary>The table for <paramref name="logMiss"/>, reusing <paramref name="previous"/> when it is the same.</summary>
    public static GeometricGaps For(double logMiss, GeometricGaps? previous) =>
        previous is not null && previous.LogMiss.Equals(logMiss) ? previous : new GeometricGaps(logMiss);

    /// <summary>The next gap drawn from <paramref name="generator"/>: what <see cref="RandomStream.NextGap"/> returns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(ref Xoshiro256 generator) => Table.Next(ref generator);

    /// <summary>The gap for the uniform k 2^-53 (k below 2^53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GapOf(ulong k) => Table.GapOf(k);

    /// <summary>The table as a value, for a loop to keep its array and constants in registers.</summary>
    public Lookup Table => new(_direct, _buckets, _bits, LogMiss);

    /// <summary>Whether the gap for k 2^-53 comes from a table (rather than from the logarithm).</summary>
    public bool FromTable(ulong k) => Table.FromTable(k);

    /// <summary>Whether the gap for k 2^-53 comes from the direct table.</summary>
    public bool Direct(ulong k) => Table.Direct(k);

    /// <summary>NextGap's own arithmetic.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Exact(ulong k, double logMiss)
    {
        var gap = Math.Log(1 - k * (1.0 / Whole)) / logMiss;
        return gap is >= 0 and < RandomStream.MaxGap ? (int)gap : RandomStream.MaxGap;
    }

    /// <summary>
    /// Bucket b: K in [lo, hi). q* lies in (q*(hi), q*(lo)]; both ends are widened by a margin that
    /// covers the error of the logarithms taken here and of the one NextGap takes.
    /// </summary>
    private Bucket Classify(int b)
    {
        var fallback = new Bucket(0, 0, ulong.MaxValue);
        // (Below, Above) = (0, 1): no K lies strictly between, so every K takes Gap.
        if (!double.IsFinite(LogMiss) || LogMiss >= 0) return fallback;
        var lead = b >> _bits;
        var top = (ulong)((1 << _bits) | (b & ((1 << _bits) - 1)));
        var shift = 52 - lead - _bits;
        var lo = top << shift;
        var hi = (top + 1) << shift;
        var qHigh = Math.Log(lo * (1.0 / Whole)) / LogMiss;
        var qLow = Math.Log(hi * (1.0 / Whole)) / LogMiss;
        var margin = Margin(qHigh);
        var first = Math.Floor(qLow - margin);
        var last = Math.Floor(qHigh + margin);
        if (qHigh + margin >= RandomStream.MaxGap - 1 || last - first > 1) return fallback;
        if (first == last) return new Bucket((int)first, 0, 1);
        // One integer n = last crossed: gap n where q* ≥ n + margin (K ≤ Below), n - 1 where
        // q* ≤ n - margin (K ≥ Above), the logarithm in between.
        var n = last;
        var below = Math.Floor(Math.Exp((n + 2 * Margin(n)) * LogMiss) * Whole);
        var above = Math.Ceiling(Math.Exp((n - 2 * Margin(n)) * LogMiss) * Whole);
        return new Bucket((int)n - 1, below >= 1 ? (ulong)below : 0, above <= Whole ? (ulong)above : ulong.MaxValue);
    }

    /// <summary>The gap every K in [lo, hi) takes if the margins prove it one and the same, else -1.</summary>
    private int ConstantGap(ulong lo, ulong hi)
    {
        if (!double.IsFinite(LogMiss) || LogMiss >= 0) return -1;
        var qHigh = Math.Log(lo * (1.0 / Whole)) / LogMiss;
        var qLow = Math.Log(hi * (1.0 / Whole)) / LogMiss;
        var margin = Margin(qHigh);
        var first = Math.Floor(qLow - margin);
        return first == Math.Floor(qHigh + margin) && first >= 0 && qHigh + margin < RandomStream.MaxGap - 1 ? (int)first : -1;
    }

    // A logarithm and a quotient are each within a few ulps (about 1e-15 relative); the margin is
    // a million times that, and never less than the effect of an ulp of K itself on q*.
    private double Margin(double q) => 1e-9 * (Math.Abs(q) + 1) + 1e-15 / -LogMiss;

    /// <summary>Gap for K at or above <see cref="Above"/>, Gap + 1 for K at or below <see cref="Below"/>, the logarithm strictly between.</summary>
    internal readonly record struct Bucket(int Gap, ulong Below, ulong Above);

    /// <summary>The look-up itself, on the table's array and constants.</summary>
    internal readonly struct Lookup(ushort[] direct, Bucket[] buckets, int bits, double logMiss)
    {
        /// <summary>The next gap drawn from <paramref name="generator"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Next(ref Xoshiro256 generator) => GapOf(generator.NextBits() >> 11);

        /// <summary>The gap for the uniform k 2^-53 (k below 2^53).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int GapOf(ulong k)
        {
            var gap = direct[(int)(k >> DirectShift)];
            return gap != Ambiguous ? gap : FromBuckets(buckets, bits, logMiss, k);
        }

        /// <summary>Whether the gap for k 2^-53 comes from the direct table.</summary>
        public bool Direct(ulong k) => direct[(int)(k >> DirectShift)] != Ambiguous;

        /// <summary>
        /// The gap for k 2^-53 if the direct table holds it, else -1 (then <see cref="GapOf"/>
        /// has it): for a loop that must stay free of calls to keep its generator in registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int DirectGapOf(ulong k)
        {
            var gap = direct[(int)(k >> DirectShift)];
            return gap != Ambiguous ? gap : -1;
        }

        /// <summary>Whether the gap for k 2^-53 comes from a table (rather than from the logarithm).</summary>
        public bool FromTable(ulong k)
        {
            if (Direct(k)) return true;
            var big = Whole - k;
            var lead = BitOperations.LeadingZeroCount(big) - 11;
            if (unchecked((uint)lead) >= Exponents) return false;
            ref readonly var bucket = ref buckets[(lead << bits) | (int)((big << (lead + 11)) >> (63 - bits)) & ((1 << bits) - 1)];
            return unchecked(big - bucket.Below - 1) >= unchecked(bucket.Above - bucket.Below - 1);
        }

        /// <summary>The gap by the bucket table, or the logarithm where that cannot tell.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int FromBuckets(Bucket[] buckets, int bits, double logMiss, ulong k)
        {
            var big = Whole - k;
            var lead = BitOperations.LeadingZeroCount(big) - 11;
            if (unchecked((uint)lead) < Exponents)
            {
                // Bucket: which power of two K lies in (lead), then the bits after the leading one.
                ref readonly var bucket = ref buckets[(lead << bits) | (int)((big << (lead + 11)) >> (63 - bits)) & ((1 << bits) - 1)];
                // One unsigned comparison: K not strictly between Below and Above.
                if (unchecked(big - bucket.Below - 1) >= unchecked(bucket.Above - bucket.Below - 1))
                    return bucket.Gap + (big <= bucket.Below ? 1 : 0);
            }
            return Exact(k, logMiss);
        }
    }
}
