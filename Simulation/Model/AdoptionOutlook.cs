using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TrustSim.Model;

/// <summary>
/// What an institution expects of its customers' adoption under a mode (Ahat in docs/ODD.md), and
/// their mean surplus from the adoption choice (MODEL.md R3.4). Both are means over every customer
/// of a function of one number per customer, q = c (1 - T) with T = clamp(R + u, 0, 1), through
/// z = (g - x q) / mu_u. Concern c and offset u never change, so customers are binned once by
/// (c, u) and each bin is evaluated at its mean. Every call also bounds the binned value's error
/// from the bins' ranges and spreads (see <see cref="Evaluate"/>); when the bound does not prove
/// the value within 0.5% of the exact mean, finer bins are tried (the first finer grid built with
/// the population, the others on first need and kept) and, failing those, the exact mean over its
/// customers is taken.
/// Which of these answers is a function of the arguments alone, never of earlier calls, so a
/// caller that asks more (a metric) cannot change what another caller (mode choice) sees.
/// Bins are taken eight at a time with vector arithmetic of a fixed width, not the machine's
/// widest, so sums are added in the same order, to the same bits, everywhere.
/// </summary>
internal sealed partial class AdoptionOutlook
{
    private const int ConcernBins = 4;
    private const int OffsetBins = 8;

    // Each refinement halves the bins' width in c and u. Five take the 4 x 8 grid to 128 x 256,
    // past which a grid has about as many bins as a large institution has customers.
    private const int Refinements = 5;

    // Levels built with the population (4 x 8, 8 x 16, 16 x 32), from the customers' first order, in
    // one pass that bins them at 16 x 32 and merges bins 2 x 2 for each coarser level; the rest are
    // built on first need from the canonical order. Coarse levels are what keeps the model's speed:
    // a bin costs about as much as 30 users' steps, and every partner's surplus is taken every step,
    // so each call starts at the coarsest and pays for finer bins only when it cannot prove itself.
    private const int LevelsBuiltFirst = 3;

    private const int Lanes = 8;
    private const int ExactLanes = 4;

    private const double Tolerance = 0.005;

    // A float logistic or softplus underflows below e^-87; below this mean the binned sum could
    // be all rounding, so the exact mean (in double) is taken instead.
    private const double SmallestBinned = 1e-25;

    // Single precision resolves z to about 1e-7 of (|g| + |x| max c) / mu_u; past this the slack
    // that covers it would eat the tolerance, so the exact mean is taken.
    private const double LargestScale = 1000;

    // A binned level costs about twice what the exact mean costs per customer; a level with more
    // bins than this share of the customers is never cheaper than the exact mean.
    private const double MostBinsPerCustomer = 0.5;

    private readonly float[] _concern;
    private readonly float[] _offset;
    private readonly int[] _blockStart;
    private readonly float[] _largestConcern;
    private readonly Bins?[][] _levels;
    private readonly Customers?[] _customers;

    private AdoptionOutlook(float[] concern, float[] offset, int[] blockStart, float[] largestConcern, Bins?[][] levels)
    {
        _concern = concern;
        _offset = offset;
        _blockStart = blockStart;
        _largestConcern = largestConcern;
        _levels = levels;
        _customers = new Customers?[blockStart.Length - 1];
    }

    /// <summary>
    /// Long-run adoption share of institution j's customers under a mode with benefit b and
    /// exposure x, if all were aware, at reputation R and today's adoption share abar.
    /// </summary>
    // Mode choice calls this for every reviewing institution in every step: compiled optimised from
    // the start, so a run's early steps do not pay for unoptimised code while the JIT catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Expected(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare) =>
        Mean(j, choice, benefit, exposure, reputation, adoptionShare, surplus: false);

    /// <summary>
    /// Mean expected surplus of institution j's customers from the adoption choice, in utility
    /// units: mu_u * ln(1 + exp(V / mu_u)) with V = b - c (1 - T) x + J_u abar - c0, the logit
    /// inclusive value of adopting against not (MODEL.md R3.4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Surplus(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare) =>
        choice.Noise * Mean(j, choice, benefit, exposure, reputation, adoptionShare, surplus: true);

    /// <summary>ln(1 + e^z) without overflow for large z, and to full precision for very negative z.</summary>
    public static double Softplus(double z)
    {
        var y = Math.Exp(-Math.Abs(z));
        var u = 1 + y;
        // ln(1 + y) as ln(u) y / (u - 1): dividing by the rounded u - 1 cancels the rounding of u,
        // where ln(1 + y) alone is 0 once y is below 1e-16 (z below -37) and the surplus is not.
        return Math.Max(z, 0) + (u == 1 ? y : Math.Log(u) * y / (u - 1));
    }

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

    /// <summary>
    /// How institution j's value was found for these arguments: 0 to <see cref="Refinements"/> for
    /// the binned level that proved itself, -1 for the exact mean. For tests.
    /// </summary>
    internal int LevelUsed(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare,
        bool surplus)
    {
        var found = Find(j, choice, benefit, exposure, reputation, adoptionShare, surplus);
        return found.Level;
    }

    /// <summary>The mean of L(z) (or of softplus(z), not yet times mu_u) over j's customers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Mean(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare,
        bool surplus)
    {
        var found = Find(j, choice, benefit, exposure, reputation, adoptionShare, surplus);
        return found.Level >= 0 ? found.Value : Exact(j, choice, benefit, exposure, reputation, adoptionShare, surplus);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Level, double Value) Find(int j, in UserChoice choice, double benefit, double exposure, double reputation,
        double adoptionShare, bool surplus)
    {
        var customers = _blockStart[j + 1] - _blockStart[j];
        if (customers == 0) return (0, 0);
        var noise = choice.Noise;
        var gain = benefit + choice.PeerInfluence * adoptionShare - choice.Hurdle;
        var scale = (Math.Abs(gain) + Math.Abs(exposure) * _largestConcern[j]) / noise;
        if (!(noise > 0) || !(scale <= LargestScale) || !double.IsFinite(reputation)) return (-1, 0);
        // Rounding of z in single precision: the value moves by at most this share of itself
        // (|L'/L| and |softplus'/softplus| are at most 1) and the bound's ranges widen by it.
        var zSlack = 1e-6 * scale;
        for (var level = 0; level <= Refinements; level++)
        {
            var bins = Level(j, level);
            if (bins is null) break;
            var (value, bound) = Evaluate(bins, surplus, gain / noise, exposure / noise, reputation, zSlack);
            // Float rounding of each term, of the weights and of the running sums (one per lane,
            // Count / Lanes terms each), as a share of the value.
            var rounding = 1.02 * zSlack + 1e-5 + 1.2e-7 * bins.Count / Lanes;
            var error = 1.01 * bound + rounding * value;
            if (value >= SmallestBinned && error <= Tolerance * (value - error)) return (level, value);
        }
        return (-1, 0);
    }

    /// <summary>
    /// The binned mean of L(z) (or softplus(z)) and a bound on its distance from the exact mean.
    /// Within a bin not wholly past a clamp of T, s = 1 - T is taken as the line 1 - R - u, so
    /// q = c s is a polynomial in (c, u) whose mean (c̄ s̄ - Cov(c, u)) and variance the bin's
    /// central moments give exactly. Expanding f about that mean z̄, the first-order term
    /// vanishes and the second-order one, f''(z̄) Var(z)/2, is added; what is left is at most
    /// max|f'''| max|z - z̄| Var(z)/6 over the bin. Where a clamp cuts the bin, each customer's z
    /// differs from the line's by at most x/mu max|c| times its distance past the clamp, which adds
    /// max|f'| times the mean of that distance. A bin wholly past a clamp has q = c or 0, with
    /// exact moments again. The bin's z range comes from the corners of its (c, u) box (q = c s is
    /// bilinear in (c, s), s monotone in u). The largest |f'|, |f''|, |f'''| on the range use
    /// L(z̄ + d) &lt;= e^d L(z̄), 1 - L(z̄ - d) &lt;= e^d (1 - L(z̄)) and |L'|, |L''|, |L'''| &lt;= L (1 - L),
    /// with e^d bounded by a quadratic, so no bin needs more than the one exponential of its value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Value, double Bound) Evaluate(Bins bins, bool surplus, double scaledGain, double scaledExposure,
        double reputation, double zSlack)
    {
        var g = Vector256.Create((float)scaledGain);
        var xs = Vector256.Create((float)scaledExposure);
        var xs2 = xs * xs;
        var a = Vector256.Create((float)(1 - reputation));
        var low = Vector256.Create((float)-reputation);
        var zero = Vector256<float>.Zero;
        var one = Vector256<float>.One;
        var two = Vector256.Create(2f);
        var half = Vector256.Create(0.5f);
        var slack = Vector256.Create((float)(2 * zSlack));
        // e^d <= 1 + d + 0.65 d² for 0 <= d <= 0.5 ((e^d - 1 - d)/d² rises with d, to 0.595 at 0.5);
        // a bin whose z spreads further gets no bound, which sends the call to finer bins.
        var expLimit = Vector256.Create(0.5f);
        var expSquare = Vector256.Create(0.65f);
        var huge = Vector256.Create(1e20f);
        // Largest |f''| and |f'''| anywhere: L(1 - L) <= 1/4, |L''| <= 0.09623, |L'''| <= 1/8.
        var curvatureCap = Vector256.Create(surplus ? 0.25f : 0.09623f);
        var thirdCap = Vector256.Create(surplus ? 0.09623f : 0.125f);
        var sixth = Vector256.Create(1f / 6);
        var quarter = Vector256.Create(0.25f);
        var sum = zero;
        var err = zero;
        for (var at = 0; at < bins.Data.Length; at += Bins.GroupSize)
        {
            ReadOnlySpan<float> group = bins.Data.AsSpan(at, Bins.GroupSize);
            var w = Load(group, Bins.Weight);
            var c = Load(group, Bins.Concern);
            var u = Load(group, Bins.Offset);
            var cMin = Load(group, Bins.ConcernMin);
            var cMax = Load(group, Bins.ConcernMax);
            var uMin = Load(group, Bins.OffsetMin);
            var uMax = Load(group, Bins.OffsetMax);
            var varC = Load(group, Bins.VarConcern);
            var varU = Load(group, Bins.VarOffset);
            var cov = Load(group, Bins.Covariance);
            var varCross = Load(group, Bins.VarCross);
            var m21 = Load(group, Bins.SkewConcern);
            var m12 = Load(group, Bins.SkewOffset);

            // A bin wholly past a clamp has s constant (1 untrusting, 0 trusting), so q = c or 0.
            // Elsewhere s is taken as linear, s = 1 - R - u, whose mean and spread the bin's moments
            // give exactly; where a clamp cuts the bin, each customer's q differs from the linear
            // one by at most max|c| times the part of the bin past the clamp (kink, below).
            var untrusting = Vector256.LessThanOrEqual(uMax, low);
            var trusting = Vector256.GreaterThanOrEqual(uMin, a);
            var constant = untrusting | trusting;

            // s falls as u rises; over the bin it spans [s(uMax), s(uMin)], clamped or not.
            var sHighClamped = Vector256.Min(Vector256.Max(a - uMin, zero), one);
            var sLowClamped = Vector256.Min(Vector256.Max(a - uMax, zero), one);
            var sHigh = Vector256.ConditionalSelect(constant, sHighClamped, Vector256.Max(a - uMin, sHighClamped));
            var sLow = Vector256.ConditionalSelect(constant, sLowClamped, Vector256.Min(a - uMax, sLowClamped));
            var p1 = cMin * sLow;
            var p2 = cMin * sHigh;
            var p3 = cMax * sLow;
            var p4 = cMax * sHigh;
            var qMin = Vector256.Min(Vector256.Min(p1, p2), Vector256.Min(p3, p4));
            var qMax = Vector256.Max(Vector256.Max(p1, p2), Vector256.Max(p3, p4));

            var sMean = a - u;
            // Variance of q about its mean: q - q̄ = (s̄ dc - c̄ du) - (dc du - Cov), expanded in the
            // bin's central moments; vSlack covers single-precision rounding of the sum.
            var t1 = sMean * sMean * varC;
            var t2 = c * c * varU;
            var t3 = two * sMean * c * cov;
            var t4 = two * sMean * m21;
            var t5 = two * c * m12;
            var varLinear = Vector256.Max(t1 + t2 - t3 + varCross - t4 + t5, zero);
            var vSlackLinear = Vector256.Create(1e-6f) * (t1 + t2 + Vector256.Abs(t3) + varCross + Vector256.Abs(t4) + Vector256.Abs(t5));

            var q = Vector256.ConditionalSelect(constant, Vector256.ConditionalSelect(untrusting, c, zero), c * sMean - cov);
            var varQ = Vector256.ConditionalSelect(constant, Vector256.ConditionalSelect(untrusting, varC, zero), varLinear);
            var vSlack = Vector256.ConditionalSelect(constant, Vector256.Create(1e-6f) * varC, vSlackLinear);
            // The mean distance past a clamp, E[(-R - u)+] and E[(u - (1 - R))+], is at most the
            // bin's reach past it and at most (sqrt(var + gap²) + gap)/2 (the largest mean excess of
            // any distribution with the bin's mean and variance), the sharper near the bin's middle.
            var gapLow = low - u;
            var gapHigh = u - a;
            var pastLow = Vector256.Min(Vector256.Max(low - uMin, zero), half * (Vector256.Sqrt(varU + gapLow * gapLow) + gapLow));
            var pastHigh = Vector256.Min(Vector256.Max(uMax - a, zero), half * (Vector256.Sqrt(varU + gapHigh * gapHigh) + gapHigh));
            var kink = Vector256.ConditionalSelect(constant, zero,
                Vector256.Max(Vector256.Abs(cMin), Vector256.Abs(cMax)) * (pastLow + pastHigh) * (one + Vector256.Create(1e-5f)));

            var zMean = g - xs * q;
            var zA = g - xs * qMax;
            var zB = g - xs * qMin;
            var dUp = Vector256.Max(Vector256.Max(zA, zB) - zMean, zero) + slack;
            var dDown = Vector256.Max(zMean - Vector256.Min(zA, zB), zero) + slack;
            var nearUp = Vector256.LessThanOrEqual(dUp, expLimit);
            var nearDown = Vector256.LessThanOrEqual(dDown, expLimit);

            // One exponential gives L and 1 - L without overflow on either side.
            var e = Vector256.Exp(-Vector256.Abs(zMean));
            var inverse = one / (one + e);
            var positive = Vector256.GreaterThanOrEqual(zMean, zero);
            var adopt = Vector256.ConditionalSelect(positive, inverse, e * inverse);
            var refuse = Vector256.ConditionalSelect(positive, e * inverse, inverse);
            // On the bin, L <= L(z̄ + dUp) <= e^dUp L(z̄) and 1 - L <= e^dDown (1 - L(z̄)); |L'|, |L''|
            // and |L'''| are at most L (1 - L), so at most the smaller of the two. Past the quadratic's
            // reach a side gives no bound at all: a huge factor times L(z̄) would not do, since L(z̄)
            // can be as small as 1e-30, or 0 in single precision, on a bin that also holds customers
            // with L near 1 (a bin across a clamp of T, at a large concern over mu_u).
            var upTail = Vector256.ConditionalSelect(nearUp, adopt * (one + dUp + expSquare * dUp * dUp), huge);
            var downTail = Vector256.ConditionalSelect(nearDown, refuse * (one + dDown + expSquare * dDown * dDown), huge);
            var tail = Vector256.Min(upTail, downTail);
            var third = Vector256.Min(thirdCap, tail);
            var varZ = xs2 * varQ;
            var remainder = sixth * third * Vector256.Max(dUp, dDown) * (varZ + xs2 * vSlack) + half * curvatureCap * xs2 * vSlack;

            Vector256<float> value, curvature, slope;
            if (surplus)
            {
                value = Vector256.Max(zMean, zero) + Log1P(e);
                curvature = adopt * refuse;
                slope = Vector256.Min(one, upTail);
            }
            else
            {
                value = adopt;
                curvature = adopt * refuse * (refuse - adopt);
                slope = Vector256.Min(quarter, tail);
            }
            // The second-order term of the expansion about the bin's mean z is added, which leaves
            // an error of third order in the bin's width (plus the clamp's, of first order in the
            // part of the bin past it).
            sum += w * (value + half * curvature * varZ);
            err += w * (remainder + slope * Vector256.Abs(xs) * kink);
        }
        double total = 0, bound = 0;
        for (var lane = 0; lane < Lanes; lane++)
        {
            total += sum[lane];
            bound += err[lane];
        }
        return (total, bound);
    }

    /// <summary>
    /// Quantity <paramref name="field"/> of a group's <see cref="Lanes"/> bins. The group's length was
    /// checked once when it was sliced, and every field lies within it, so no load checks again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ReadOnlySpan<float> group, int field) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(group), (nuint)(field * Lanes));

    /// <summary>ln(1 + y) for y in [0, 1], accurate for tiny y (where 1 + y rounds to 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Log1P(Vector256<float> y)
    {
        var u = Vector256<float>.One + y;
        var m = u - Vector256<float>.One;
        var tiny = Vector256.Equals(m, Vector256<float>.Zero);
        // Dividing by the rounded u - 1 cancels the rounding of u itself.
        return Vector256.ConditionalSelect(tiny, y, Vector256.Log(u) * (y / Vector256.ConditionalSelect(tiny, y, m)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log1P(Vector256<double> y)
    {
        var u = Vector256<double>.One + y;
        var m = u - Vector256<double>.One;
        var tiny = Vector256.Equals(m, Vector256<double>.Zero);
        return Vector256.ConditionalSelect(tiny, y, Vector256.Log(u) * (y / Vector256.ConditionalSelect(tiny, y, m)));
    }

    /// <summary>
    /// The exact mean over j's customers in double precision, in a fixed order (the customers
    /// sorted by their bits), so the same set of customers gives the same bits whatever their
    /// order in the population at the time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Exact(int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare,
        bool surplus)
    {
        var customers = CustomersOf(j);
        var n = customers.Count;
        var noise = Vector256.Create(choice.Noise);
        var gain = Vector256.Create(benefit + choice.PeerInfluence * adoptionShare - choice.Hurdle);
        var x = Vector256.Create(exposure);
        var r = Vector256.Create(reputation);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var sum = zero;
        for (var k = 0; k < customers.Concern.Length; k += ExactLanes)
        {
            var trust = Vector256.Min(Vector256.Max(r + Vector256.Create(customers.Offset.AsSpan(k, ExactLanes)), zero), one);
            var z = (gain - Vector256.Create(customers.Concern.AsSpan(k, ExactLanes)) * (one - trust) * x) / noise;
            var e = Vector256.Exp(-Vector256.Abs(z));
            Vector256<double> value;
            if (surplus) value = Vector256.Max(z, zero) + Log1P(e);
            else value = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(z, zero), one / (one + e), e / (one + e));
            // The padding after the last customer is masked off.
            if (k + ExactLanes > n) value = Vector256.ConditionalSelect(Vector256.LessThan(Lane, Vector256.Create((double)(n - k))), value, zero);
            sum += value;
        }
        var total = 0.0;
        for (var lane = 0; lane < ExactLanes; lane++) total += sum[lane];
        return total / n;
    }

    private static readonly Vector256<double> Lane = Vector256.Create(0.0, 1, 2, 3);
}
