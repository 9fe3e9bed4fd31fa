using System.Globalization;
using System.Numerics;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// Sobol low-discrepancy points in [0,1)^d with 32 binary digits per coordinate, built by the
/// Gray-code recurrence (Antonov and Saleev 1979) from Joe and Kuo's direction numbers, so point n
/// differs from point n-1 by one XOR per dimension. Points come in Gray-code order; the first 2^m
/// of them are the same set as in natural order, so every net property holds for them.
/// <para>
/// Scrambling is Owen's nested uniform scrambling in base 2: digit k of a coordinate is flipped by a
/// random bit attached to the node of the binary tree that digits 1..k-1 lead to. Storing that tree
/// is impossible, so each node's bit is a hash of (the dimension's key, the node); the keys are drawn
/// from the given stream. The digits below the 32nd are filled with hashed random bits too, as full
/// scrambling of the infinite expansion would. Nested scrambling maps every elementary interval onto
/// an elementary interval of the same size, so it keeps each (t,m,s)-net property, while making each
/// point uniform on [0,1)^d and estimates unbiased. Unlike the plain sequence it never yields the
/// origin, so there is no reason to drop the first point.
/// </para>
/// </summary>
internal sealed class SobolSequence
{
    private const int Bits = 32;
    private static readonly uint[][] AllDirections = BuildDirections();
    private readonly ulong[]? _keys;

    /// <param name="dimensions">Coordinates per point, 1 to <see cref="SobolDirections.MaxDimensions"/>.</param>
    /// <param name="scramble">Draws the scrambling keys; null gives the plain (unscrambled) sequence.</param>
    public SobolSequence(int dimensions, RandomStream? scramble = null)
    {
        if (dimensions < 1 || dimensions > SobolDirections.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions,
                $"a Sobol sequence here has 1 to {SobolDirections.MaxDimensions} dimensions");
        Dimensions = dimensions;
        if (scramble is not null)
        {
            _keys = new ulong[dimensions];
            for (var d = 0; d < dimensions; d++) _keys[d] = scramble.NextBits();
        }
    }

    public int Dimensions { get; }

    /// <summary>The first <paramref name="count"/> points (at most 2^31 - 1), each an array of <see cref="Dimensions"/> coordinates in [0,1).</summary>
    public double[][] Points(int count)
    {
        var integers = Integers(count);
        var points = new double[count][];
        for (var n = 0; n < count; n++)
        {
            var row = new double[Dimensions];
            for (var d = 0; d < Dimensions; d++)
                row[d] = _keys is null ? integers[n][d] * (1.0 / 4294967296.0) : Scramble(integers[n][d], _keys[d]);
            points[n] = row;
        }
        return points;
    }

    /// <summary>The plain sequence's first points as 32-bit integers: coordinate = value / 2^32.</summary>
    public uint[][] Integers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rows = new uint[count][];
        var x = new uint[Dimensions];
        for (var n = 0; n < count; n++)
        {
            if (n > 0)
            {
                // Gray code n ^ (n >> 1) differs from that of n - 1 in the lowest set bit of n.
                var bit = BitOperations.TrailingZeroCount(n);
                for (var d = 0; d < Dimensions; d++) x[d] ^= AllDirections[d][bit];
            }
            rows[n] = (uint[])x.Clone();
        }
        return rows;
    }

    private static double Scramble(uint x, ulong key)
    {
        uint flips = 0;
        for (var k = 0; k < Bits; k++)
        {
            // Heap numbering of the tree node reached by the k leading digits: unique for every (k, prefix).
            var prefix = k == 0 ? 0UL : x >> (Bits - k);
            flips |= (uint)(Hash(key, (1UL << k) | prefix) & 1) << (Bits - 1 - k);
        }
        var tail = Hash(key, (1UL << Bits) | x) >> 44; // 20 more random digits: the sum stays exact and below 1
        return ((x ^ flips) + tail * (1.0 / (1 << 20))) * (1.0 / 4294967296.0);
    }

    private static ulong Hash(ulong key, ulong node)
    {
        var state = unchecked(key + node * 0xD1B54A32D192ED03UL);
        return SeedSequence.SplitMix64(ref state);
    }

    /// <summary>Direction numbers v_k = m_k 2^(32-k), k = 1..32, of every dimension in the table.</summary>
    private static uint[][] BuildDirections()
    {
        var directions = new uint[SobolDirections.MaxDimensions][];
        directions[0] = new uint[Bits];
        for (var k = 0; k < Bits; k++) directions[0][k] = 1u << (Bits - 1 - k);
        var lines = SobolDirections.JoeKuo6.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var d = 1; d < directions.Length; d++)
        {
            var f = lines[d - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => uint.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            if (f[0] != d + 1) throw new InvalidOperationException($"direction table out of order at dimension {d + 1}");
            var s = (int)f[1];
            var a = f[2];
            var v = new uint[Bits];
            for (var k = 0; k < s; k++) v[k] = f[3 + k] << (Bits - 1 - k);
            // The recurrence of the primitive polynomial x^s + c_1 x^(s-1) + ... + c_(s-1) x + 1, c_l = bit (s-1-l) of a.
            for (var k = s; k < Bits; k++)
            {
                v[k] = v[k - s] ^ (v[k - s] >> s);
                for (var l = 1; l < s; l++)
                    if (((a >> (s - 1 - l)) & 1) != 0) v[k] ^= v[k - l];
            }
            directions[d] = v;
        }
        return directions;
    }
}
