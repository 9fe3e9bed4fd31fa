using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TrustSim.Model;

/// <summary>
/// What an institution expects of its customers' adoption under a mode (Ahat in docs/ODD.md).
/// The exact quantity is a mean of a logistic over every customer; because concern c and trust
/// offset u never change, customers are binned once by (c, u) and the mean is taken over the
/// non-empty bins at their mean c and u. A test holds this within 0.5% of the exact mean.
/// Each institution's bins are padded with empty ones (weight 0) to a multiple of four, so the
/// mean is taken four bins at a time with vector arithmetic; the width is fixed, not the
/// machine's widest, so the sum is added up in the same order, to the same bits, everywhere.
/// </summary>
internal sealed class AdoptionOutlook
{
    private const int ConcernBins = 16;
    private const int OffsetBins = 32;

    private const int Lanes = 8;

    private readonly int[] _start;
    private readonly float[] _concern;
    private readonly float[] _offset;
    private readonly float[] _weight;

    private AdoptionOutlook(int[] start, float[] concern, float[] offset, float[] weight)
    {
        _start = start;
        _concern = concern;
        _offset = offset;
        _weight = weight;
    }

    /// <summary>Bins each institution's customers; <paramref name="blockStart"/> gives each institution's user range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AdoptionOutlook Build(ReadOnlySpan<float> concern, ReadOnlySpan<float> offset, int[] blockStart)
    {
        var (cMin, cMax) = Range(concern);
        var (uMin, uMax) = Range(offset);
        var institutions = blockStart.Length - 1;
        var start = new int[institutions + 1];
        var cs = new List<float>();
        var us = new List<float>();
        var ws = new List<float>();
        var count = new int[ConcernBins * OffsetBins];
        var sumC = new double[count.Length];
        var sumU = new double[count.Length];
        for (var j = 0; j < institutions; j++)
        {
            Array.Clear(count);
            Array.Clear(sumC);
            Array.Clear(sumU);
            for (var i = blockStart[j]; i < blockStart[j + 1]; i++)
            {
                var b = Bin(concern[i], cMin, cMax, ConcernBins) * OffsetBins + Bin(offset[i], uMin, uMax, OffsetBins);
                count[b]++;
                sumC[b] += concern[i];
                sumU[b] += offset[i];
            }
            start[j] = cs.Count;
            var customers = blockStart[j + 1] - blockStart[j];
            for (var b = 0; b < count.Length; b++)
            {
                if (count[b] == 0) continue;
                cs.Add((float)(sumC[b] / count[b]));
                us.Add((float)(sumU[b] / count[b]));
                ws.Add((float)count[b] / customers);
            }
            while (cs.Count % Lanes != 0)
            {
                cs.Add(0);
                us.Add(0);
                ws.Add(0);
            }
        }
        start[institutions] = cs.Count;
        return new AdoptionOutlook(start, [.. cs], [.. us], [.. ws]);
    }

    /// <summary>
    /// Long-run adoption share of institution j's customers under a mode with benefit b and
    /// exposure x, if all were aware, at reputation R and today's adoption share abar.
    /// </summary>
    // Mode choice calls this for every reviewing institution in every step: compiled optimised from
    // the start, so a run's early steps do not pay for unoptimised code while the JIT catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Expected(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare)
    {
        var pull = choice.PeerInfluence * adoptionShare - choice.Hurdle;
        var gain = Vector256.Create((float)(benefit + pull));
        var r = Vector256.Create((float)reputation);
        var x = Vector256.Create((float)exposure);
        var noise = Vector256.Create((float)choice.Noise);
        var one = Vector256<float>.One;
        var sum = Vector256<float>.Zero;
        for (var k = _start[j]; k < _start[j + 1]; k += Lanes)
        {
            var trust = Vector256.Min(Vector256.Max(r + Vector256.Create(_offset.AsSpan(k, Lanes)), Vector256<float>.Zero), one);
            var value = gain - Vector256.Create(_concern.AsSpan(k, Lanes)) * (one - trust) * x;
            sum += Vector256.Create(_weight.AsSpan(k, Lanes)) * (one / (one + Vector256.Exp(-value / noise)));
        }
        var total = 0.0;
        for (var lane = 0; lane < Lanes; lane++) total += sum[lane];
        return total;
    }

    /// <summary>
    /// Mean expected surplus of institution j's customers from the adoption choice, in utility
    /// units: mu_u * ln(1 + exp(V / mu_u)) with V = b - c (1 - T) x + J_u abar - c0, the logit
    /// inclusive value of adopting against not (MODEL.md R3.4), over the same bins as <see cref="Expected"/>.
    /// </summary>
    public double Surplus(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare)
    {
        var pull = choice.PeerInfluence * adoptionShare - choice.Hurdle;
        var total = 0.0;
        for (var k = _start[j]; k < _start[j + 1]; k++)
        {
            if (_weight[k] == 0) continue;
            var trust = Math.Clamp(reputation + _offset[k], 0, 1);
            var value = benefit + pull - _concern[k] * (1 - trust) * exposure;
            total += _weight[k] * choice.Noise * Softplus(value / choice.Noise);
        }
        return total;
    }

    /// <summary>ln(1 + e^z) without overflow for large z.</summary>
    public static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    /// <summary>The exact surplus, a mean over every customer; the reference for tests.</summary>
    public static double SurplusExact(ReadOnlySpan<float> concern, ReadOnlySpan<float> offset, in UserChoice choice,
        double benefit, double exposure, double reputation, double adoptionShare)
    {
        if (concern.Length == 0) return 0;
        var sum = 0.0;
        var pull = choice.PeerInfluence * adoptionShare - choice.Hurdle;
        for (var i = 0; i < concern.Length; i++)
        {
            var trust = Math.Clamp(reputation + offset[i], 0, 1);
            sum += choice.Noise * Softplus((benefit - concern[i] * (1 - trust) * exposure + pull) / choice.Noise);
        }
        return sum / concern.Length;
    }

    /// <summary>The exact definition, a mean over every customer; the reference for tests.</summary>
    public static double ExpectedExact(ReadOnlySpan<float> concern, ReadOnlySpan<float> offset, in UserChoice choice,
        double benefit, double exposure, double reputation, double adoptionShare)
    {
        if (concern.Length == 0) return 0;
        var sum = 0.0;
        var pull = choice.PeerInfluence * adoptionShare - choice.Hurdle;
        for (var i = 0; i < concern.Length; i++)
        {
            var trust = Math.Clamp(reputation + offset[i], 0, 1);
            sum += Logistic.Of((benefit - concern[i] * (1 - trust) * exposure + pull) / choice.Noise);
        }
        return sum / concern.Length;
    }

    private static (float Min, float Max) Range(ReadOnlySpan<float> values)
    {
        if (values.Length == 0) return (0, 1);
        float min = values[0], max = values[0];
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return (min, max);
    }

    private static int Bin(float value, float min, float max, int bins) =>
        max > min ? Math.Clamp((int)((value - min) / (max - min) * bins), 0, bins - 1) : 0;
}
