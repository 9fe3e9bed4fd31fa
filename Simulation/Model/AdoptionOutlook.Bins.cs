using System.Numerics;
using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>
/// The tables the outlook reads, and their building: each institution's customers in a canonical order,
/// and their binned moments by (concern, offset) (count, means, variances, covariance, third moments,
/// ranges), summed over a grid's cells and merged two by two into the coarser grids. Split from the
/// evaluation, which only reads them.
/// </summary>
internal sealed partial class AdoptionOutlook
{
    /// <summary>
    /// Bins each institution's customers; <paramref name="blockStart"/> gives each institution's
    /// user range. The arrays are kept, not copied: finer bins and the exact mean read them when
    /// first needed. Their owner may reorder users within a block, never across blocks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AdoptionOutlook Build(float[] concern, float[] offset, int[] blockStart)
    {
        var institutions = blockStart.Length - 1;
        var levels = new Bins?[institutions][];
        var largest = new float[institutions];
        // One accumulator per level built first, finest last: the finest bins the customers, each
        // coarser one merges the next finer. They are cleared as they are filled, so a thread keeps
        // its set for the next world: a sweep builds one world per run.
        var built = _accumulators ??= NewAccumulators();
        var finest = LevelsBuiltFirst - 1;
        for (var j = 0; j < institutions; j++)
        {
            var c = concern.AsSpan(blockStart[j], blockStart[j + 1] - blockStart[j]);
            var u = offset.AsSpan(blockStart[j], c.Length);
            levels[j] = new Bins?[Refinements + 1];
            Bins.Accumulate(c, u, ConcernBins << finest, OffsetBins << finest, built[finest]);
            for (var level = finest; level >= 0; level--)
            {
                if (level < finest) built[level + 1].MergeInto(built[level], OffsetBins << level + 1);
                levels[j][level] = Bins.From(built[level], c.Length, evenIfUnusable: level == 0);
            }
            foreach (var v in c) largest[j] = Math.Max(largest[j], Math.Abs(v));
        }
        return new AdoptionOutlook(concern, offset, blockStart, largest, levels);
    }

    [ThreadStatic]
    private static Accumulator[]? _accumulators;

    private static Accumulator[] NewAccumulators()
    {
        var built = new Accumulator[LevelsBuiltFirst];
        for (var level = 0; level < LevelsBuiltFirst; level++) built[level] = new Accumulator(ConcernBins * OffsetBins << 2 * level);
        return built;
    }

    /// <summary>Level <paramref name="level"/> of j's bins, built on first need; null if it would not pay.</summary>
    private Bins? Level(int j, int level)
    {
        var levels = _levels[j];
        if (level == 0) return levels[0];
        if (levels[level] is { } built) return built.Usable ? built : null;
        var customers = CustomersOf(j);
        var factor = 1 << level;
        var acc = new Accumulator(ConcernBins * factor * OffsetBins * factor);
        Bins.Accumulate(customers.ConcernSingle, customers.OffsetSingle, ConcernBins * factor, OffsetBins * factor, acc);
        var bins = Bins.From(acc, customers.Count, evenIfUnusable: false);
        levels[level] = bins;
        return bins.Usable ? bins : null;
    }

    private Customers CustomersOf(int j) =>
        _customers[j] ??= Customers.Of(_concern.AsSpan(_blockStart[j], _blockStart[j + 1] - _blockStart[j]),
            _offset.AsSpan(_blockStart[j], _blockStart[j + 1] - _blockStart[j]));

    /// <summary>An institution's customers in a canonical order, for finer bins and the exact mean.</summary>
    private sealed class Customers
    {
        public required int Count { get; init; }
        internal required float[] ConcernSingle { get; init; }
        internal required float[] OffsetSingle { get; init; }

        /// <summary>Padded with zeros to a multiple of <see cref="ExactLanes"/>.</summary>
        internal required double[] Concern { get; init; }

        internal required double[] Offset { get; init; }

        public static Customers Of(ReadOnlySpan<float> concern, ReadOnlySpan<float> offset)
        {
            var keys = new ulong[concern.Length];
            for (var i = 0; i < keys.Length; i++)
                keys[i] = ((ulong)BitConverter.SingleToUInt32Bits(concern[i]) << 32) | BitConverter.SingleToUInt32Bits(offset[i]);
            Array.Sort(keys);
            var padded = (keys.Length + ExactLanes - 1) / ExactLanes * ExactLanes;
            var cs = new float[keys.Length];
            var us = new float[keys.Length];
            var cd = new double[padded];
            var ud = new double[padded];
            for (var i = 0; i < keys.Length; i++)
            {
                cs[i] = BitConverter.UInt32BitsToSingle((uint)(keys[i] >> 32));
                us[i] = BitConverter.UInt32BitsToSingle(unchecked((uint)keys[i]));
                cd[i] = cs[i];
                ud[i] = us[i];
            }
            return new Customers { Count = keys.Length, ConcernSingle = cs, OffsetSingle = us, Concern = cd, Offset = ud };
        }
    }

    // Members of the nested helpers below are internal, not public: the model hands out no arrays
    // (ModelStateTests), and these never leave this class.

    /// <summary>One cell's sums while binning: count, box, and sums of powers of (dc, du).</summary>
    private struct CellSums
    {
        public int Count;
        public float CMin, CMax, UMin, UMax;
        public double CentreC, CentreU;
        public double C, U, Ccc, Cuu, Ccu, Ccc2, Cuu2, Cross2;

        public void Reset()
        {
            this = default;
            CMin = UMin = float.PositiveInfinity;
            CMax = UMax = float.NegativeInfinity;
        }
    }

    /// <summary>
    /// Per-cell sums while binning, reused across institutions of a level. A cell's sums sit
    /// together, so binning a customer touches one or two cache lines, not one per sum.
    /// After <see cref="Bins.Accumulate"/> or <see cref="MergeInto"/>, C and U are the cell's mean
    /// and the other sums are taken about it. Only the cells that hold customers are visited
    /// (<see cref="Touched"/>, kept in ascending order): an institution of a small world fills a
    /// few dozen of the finest grid's 512 cells, and visiting all of them had made the outlook most
    /// of a small run's set-up. Cells are visited in the order a pass over every cell visited the
    /// non-empty ones, so every sum is added in the same order, to the same bits.
    /// </summary>
    private sealed class Accumulator
    {
        internal readonly CellSums[] Cells;
        private readonly int[] _touched;
        private int _touchedCount;

        // One bit per cell, set as the cell is touched: read word by word, lowest bit first, it lists
        // the touched cells in ascending order without sorting them.
        private readonly ulong[] _marks;

        public Accumulator(int cells)
        {
            Cells = new CellSums[cells];
            _touched = new int[cells];
            _marks = new ulong[(cells + 63) / 64];
            for (var b = 0; b < Cells.Length; b++) Cells[b].Reset();
        }

        /// <summary>The cells that hold customers, in ascending order, once <see cref="Sort"/> has run.</summary>
        public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _touchedCount);

        /// <summary>Notes cell <paramref name="b"/> as holding customers; called once, as its first customer arrives.</summary>
        public void Touch(int b) => _marks[b >> 6] |= 1UL << b;

        /// <summary>Lists the touched cells in <see cref="Touched"/>, in ascending order.</summary>
        // Binning is part of every world's set-up, so these (like Accumulate) are compiled optimised at
        // first call, rather than run precompiled and compiled again while a sweep's workers wait for the core.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Sort()
        {
            var k = 0;
            for (var w = 0; w < _marks.Length; w++)
            {
                for (var bits = _marks[w]; bits != 0; bits &= bits - 1)
                    _touched[k++] = w << 6 | BitOperations.TrailingZeroCount(bits);
            }
            _touchedCount = k;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Clear()
        {
            for (var w = 0; w < _marks.Length; w++)
            {
                for (var bits = _marks[w]; bits != 0; bits &= bits - 1)
                    Cells[w << 6 | BitOperations.TrailingZeroCount(bits)].Reset();
                _marks[w] = 0;
            }
            _touchedCount = 0;
        }

        /// <summary>
        /// Fills <paramref name="coarse"/> with this grid's cells merged two by two in c and u (this
        /// grid has <paramref name="offsetBins"/> offset bins). Halving a grid over the same ranges
        /// puts a customer in the merged cell of its cell, so the result is the coarse grid's binning.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void MergeInto(Accumulator coarse, int offsetBins)
        {
            coarse.Clear();
            var coarseOffsetBins = offsetBins / 2;
            foreach (var b in Touched)
            {
                ref readonly var f = ref Cells[b];
                var to = b / offsetBins / 2 * coarseOffsetBins + b % offsetBins / 2;
                ref var m = ref coarse.Cells[to];
                if (m.Count == 0) coarse.Touch(to);
                m.Count += f.Count;
                m.C += f.Count * f.C;
                m.U += f.Count * f.U;
                m.CMin = Math.Min(m.CMin, f.CMin);
                m.CMax = Math.Max(m.CMax, f.CMax);
                m.UMin = Math.Min(m.UMin, f.UMin);
                m.UMax = Math.Max(m.UMax, f.UMax);
            }
            coarse.Sort();
            foreach (var b in coarse.Touched)
            {
                ref var m = ref coarse.Cells[b];
                m.C /= m.Count;
                m.U /= m.Count;
            }
            foreach (var b in Touched)
            {
                ref readonly var f = ref Cells[b];
                ref var m = ref coarse.Cells[b / offsetBins / 2 * coarseOffsetBins + b % offsetBins / 2];
                // f's sums are about its own mean, which lies (a, d) from the merged mean.
                Shift(ref m, f, f.C - m.C, f.U - m.U, 0, 0);
            }
        }

        /// <summary>
        /// Adds to <paramref name="to"/>'s sums those of <paramref name="from"/> moved by (a, d): the
        /// sums of (dc + a)^i (du + d)^k, expanded, where <paramref name="c1"/> and <paramref name="u1"/>
        /// are from's sums of dc and du (zero when from's sums are about its own mean).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static void Shift(ref CellSums to, in CellSums from, double a, double d, double c1, double u1)
        {
            var n = from.Count;
            to.Ccc += from.Ccc + 2 * a * c1 + n * a * a;
            to.Cuu += from.Cuu + 2 * d * u1 + n * d * d;
            to.Ccu += from.Ccu + a * u1 + d * c1 + n * a * d;
            to.Ccc2 += from.Ccc2 + d * from.Ccc + 2 * a * from.Ccu + 2 * a * d * c1 + a * a * u1 + n * a * a * d;
            to.Cuu2 += from.Cuu2 + a * from.Cuu + 2 * d * from.Ccu + 2 * a * d * u1 + d * d * c1 + n * a * d * d;
            to.Cross2 += from.Cross2 + 2 * d * from.Ccc2 + d * d * from.Ccc + 2 * a * from.Cuu2 + 4 * a * d * from.Ccu
                + 2 * a * d * d * c1 + a * a * from.Cuu + 2 * a * a * d * u1 + n * a * a * d * d;
        }
    }

    /// <summary>
    /// One institution's non-empty bins at one level, padded with empty ones (weight 0) to a
    /// multiple of <see cref="Lanes"/>: share of customers, mean c and u, the box of (c, u), the
    /// central moments of c and u up to the fourth that the variance of q needs (Var c, Var u,
    /// Cov(c, u), Var((c - c̄)(u - ū)), E[dc² du], E[dc du²]), all taken about the bin's own means
    /// so that no moment is a difference of large numbers.
    /// Stored as groups of <see cref="Lanes"/> bins, each group its <see cref="Fields"/> quantities
    /// one after another, so one pass of the evaluation reads one contiguous block of 416 bytes.
    /// </summary>
    private sealed class Bins
    {
        internal const int Weight = 0, Concern = 1, Offset = 2, ConcernMin = 3, ConcernMax = 4, OffsetMin = 5, OffsetMax = 6,
            VarConcern = 7, VarOffset = 8, Covariance = 9, VarCross = 10, SkewConcern = 11, SkewOffset = 12;

        internal const int Fields = 13;

        /// <summary>Floats of one group of <see cref="Lanes"/> bins.</summary>
        internal const int GroupSize = Fields * Lanes;

        /// <summary>Bins, padding included: a multiple of <see cref="Lanes"/>.</summary>
        public int Count => Data.Length / Fields;

        public bool Usable = true;

        /// <summary>Group after group; in a group, quantity after quantity, each for its <see cref="Lanes"/> bins.</summary>
        internal float[] Data = [];

        /// <summary>
        /// Bins the customers into <paramref name="acc"/> in one pass, taking each cell's sums about
        /// its centre, which lies within the cell's width of every customer in it, so moving them to
        /// the cell's mean afterwards loses nothing to cancellation.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Accumulate(ReadOnlySpan<float> concern, ReadOnlySpan<float> offset, int concernBins, int offsetBins,
            Accumulator acc)
        {
            var (cLow, cHigh) = Range(concern);
            var (uLow, uHigh) = Range(offset);
            acc.Clear();
            var cells = acc.Cells;
            float cScale = Scale(cLow, cHigh, concernBins), uScale = Scale(uLow, uHigh, offsetBins);
            for (var i = 0; i < concern.Length; i++)
            {
                float c = concern[i], u = offset[i];
                var b = Bin(c, cLow, cScale, concernBins) * offsetBins + Bin(u, uLow, uScale, offsetBins);
                ref var m = ref cells[b];
                if (m.Count == 0)
                {
                    // A cell's centre is needed only once it holds a customer.
                    m.CentreC = cLow + (b / offsetBins + 0.5) * (cHigh - cLow) / concernBins;
                    m.CentreU = uLow + (b % offsetBins + 0.5) * (uHigh - uLow) / offsetBins;
                    acc.Touch(b);
                }
                m.Count++;
                if (c < m.CMin) m.CMin = c;
                if (c > m.CMax) m.CMax = c;
                if (u < m.UMin) m.UMin = u;
                if (u > m.UMax) m.UMax = u;
                var dc = c - m.CentreC;
                var du = u - m.CentreU;
                var dcdu = dc * du;
                m.C += dc;
                m.U += du;
                m.Ccc += dc * dc;
                m.Cuu += du * du;
                m.Ccu += dcdu;
                m.Ccc2 += dcdu * dc;
                m.Cuu2 += dcdu * du;
                m.Cross2 += dcdu * dcdu;
            }
            acc.Sort();
            var centred = new CellSums();
            foreach (var b in acc.Touched)
            {
                ref var m = ref cells[b];
                var mc = m.C / m.Count;
                var mu = m.U / m.Count;
                var aboutCentre = m;
                centred.Reset();
                Accumulator.Shift(ref centred, aboutCentre, -mc, -mu, aboutCentre.C, aboutCentre.U);
                (m.Ccc, m.Cuu, m.Ccu, m.Ccc2, m.Cuu2, m.Cross2) = (centred.Ccc, centred.Cuu, centred.Ccu, centred.Ccc2, centred.Cuu2, centred.Cross2);
                m.C = m.CentreC + mc;
                m.U = m.CentreU + mu;
            }
        }

        /// <summary>
        /// The non-empty cells of <paramref name="acc"/> as bins of <paramref name="customers"/> customers. Bins
        /// with more cells than pays (<see cref="Usable"/> false) are never evaluated, so unless
        /// <paramref name="evenIfUnusable"/> (the coarsest level, always tried) only their verdict is kept.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Bins From(Accumulator acc, int customers, bool evenIfUnusable)
        {
            var nonEmpty = acc.Touched.Length;
            var usable = nonEmpty <= MostBinsPerCustomer * customers;
            if (!usable && !evenIfUnusable) return new Bins { Usable = false };
            var count = (nonEmpty + Lanes - 1) / Lanes * Lanes;
            var bins = new Bins { Usable = usable, Data = new float[count * Fields] };
            var data = bins.Data;
            var k = 0;
            foreach (var b in acc.Touched)
            {
                ref readonly var m = ref acc.Cells[b];
                var n = m.Count;
                var cov = m.Ccu / n;
                var at = k / Lanes * GroupSize + k % Lanes;
                data[at + Weight * Lanes] = (float)n / customers;
                data[at + Concern * Lanes] = (float)m.C;
                data[at + Offset * Lanes] = (float)m.U;
                data[at + ConcernMin * Lanes] = m.CMin;
                data[at + ConcernMax * Lanes] = m.CMax;
                data[at + OffsetMin * Lanes] = m.UMin;
                data[at + OffsetMax * Lanes] = m.UMax;
                data[at + VarConcern * Lanes] = (float)(m.Ccc / n);
                data[at + VarOffset * Lanes] = (float)(m.Cuu / n);
                data[at + Covariance * Lanes] = (float)cov;
                data[at + VarCross * Lanes] = (float)Math.Max(0, m.Cross2 / n - cov * cov);
                data[at + SkewConcern * Lanes] = (float)(m.Ccc2 / n);
                data[at + SkewOffset * Lanes] = (float)(m.Cuu2 / n);
                k++;
            }
            return bins;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>Bins per unit of value over [min, max]; 0 when all values are equal.</summary>
    private static float Scale(float min, float max, int bins) => max > min ? bins / (max - min) : 0;

    private static int Bin(float value, float min, float scale, int bins) => Math.Min((int)((value - min) * scale), bins - 1);
}
