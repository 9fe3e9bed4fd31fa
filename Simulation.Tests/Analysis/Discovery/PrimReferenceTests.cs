using System.Globalization;
using System.Numerics;
using TrustSim.Analysis.Discovery;

namespace TrustSim.Tests.Analysis.Discovery;

/// <summary>
/// PRIM's trajectories against a reference written here independently: plain lists and boolean tests, every
/// box's members found again from scratch at every step, candidates compared as exact fractions. The data
/// set is written out below (generated once: x1 and x2 in hundredths and x3 a digit, so many values tie; a
/// categorical mode; of interest when x1 &gt; 0.6 and mode is not c, or x3 &lt;= 2 and x2 &lt; 0.3, then 10% of
/// the labels flipped), so the test does not rest on any generator.
/// </summary>
public sealed class PrimReferenceTests
{
    /// <summary>150 cases: x1, x2, x3, mode, of interest (1) or not (0).</summary>
    private static readonly string[] Rows =
    [
        "0.91,0.69,2,b,1 0.85,0.1,5,c,0 0.03,0.41,1,a,0 0.47,0.58,6,a,0 0.63,0.68,5,b,0 0.52,0.84,6,a,0 0.24,0.2,1,a,1",
        "0.76,0.31,4,a,1 0.91,0.27,3,a,1 0.06,0.8,9,b,0 0.69,0.34,7,a,1 0.27,0.83,2,a,0 0.71,0.12,2,c,1",
        "0.22,0.91,0,c,0 0.17,0.17,1,a,1 0.29,0.81,5,c,0 0.95,0.53,0,c,0 0.94,0.56,0,a,1 0.11,0.33,1,c,0",
        "0.66,0.79,3,a,1 0.7,0.16,8,a,1 0.87,0.42,1,b,0 0.24,0.86,1,b,0 0.39,0.14,1,b,1 0.18,0.81,4,b,0",
        "0.09,0.83,3,b,0 0.14,0.73,0,b,1 0.39,0.74,4,b,0 0.9,0.81,1,c,0 0.96,0.01,8,a,1 0.55,0.97,0,a,0",
        "0.61,0.97,0,a,1 0.21,0.95,9,a,0 0.36,0.28,0,c,1 0.62,0.9,8,b,1 0.0,0.78,7,a,0 0.49,0.23,3,b,0 0.89,0.38,9,a,1",
        "0.98,0.75,5,a,1 0.48,0.54,4,c,1 0.68,0.35,2,a,1 0.53,0.25,6,b,0 0.84,0.91,8,c,0 0.99,0.62,1,c,0",
        "0.35,0.13,3,b,0 0.85,0.33,8,a,1 0.7,0.68,8,a,1 0.65,0.53,5,b,1 0.51,0.31,7,c,0 0.91,0.13,0,c,1",
        "0.08,0.78,5,b,0 0.78,0.32,2,b,1 0.13,1.0,7,a,0 0.48,0.39,8,c,0 0.65,0.13,4,c,0 0.94,0.17,7,c,0",
        "0.52,0.83,2,a,0 0.12,0.45,7,a,0 0.85,0.31,8,a,1 0.72,0.83,3,c,0 0.99,0.51,6,b,0 0.52,0.75,2,c,0",
        "0.81,0.15,5,b,1 0.51,0.87,2,c,1 0.59,0.5,0,a,0 0.88,0.56,1,c,0 0.84,0.68,7,b,1 0.04,0.68,2,a,0 0.6,0.75,4,a,0",
        "0.28,0.23,1,c,1 0.59,0.43,3,c,0 0.51,0.45,8,a,0 0.9,0.77,4,b,1 0.4,0.91,1,c,0 0.01,0.58,2,a,0 0.07,0.44,0,a,0",
        "0.22,0.54,8,b,1 0.76,0.86,8,b,1 0.45,0.15,1,c,0 0.35,0.66,2,a,0 0.12,0.98,6,c,0 0.38,0.28,5,c,0",
        "0.54,0.13,0,a,1 0.51,0.53,2,a,0 0.98,0.35,2,b,1 0.17,0.96,4,b,0 0.08,0.15,9,a,0 0.95,0.97,5,c,0",
        "0.26,0.03,0,b,1 0.7,0.82,4,a,0 0.03,0.02,4,b,0 0.62,0.28,6,c,1 0.89,0.76,4,c,1 0.78,0.68,9,a,1",
        "0.01,0.31,1,b,0 0.33,0.03,0,c,1 0.56,0.84,0,c,0 0.25,0.37,1,c,0 0.12,0.07,4,c,0 0.46,0.04,0,c,1",
        "0.18,0.16,8,c,0 0.62,0.99,9,a,1 0.29,0.13,5,c,0 0.73,0.6,5,b,1 0.92,0.61,5,c,0 0.28,0.86,9,c,0",
        "0.84,0.73,8,a,0 0.79,0.23,2,c,0 0.5,0.63,1,a,0 0.46,0.52,3,a,0 0.25,0.8,5,b,0 0.49,0.67,3,a,0 0.95,0.5,5,a,1",
        "0.54,0.4,1,a,0 0.47,0.57,8,a,0 0.26,0.11,7,a,0 0.66,0.98,2,a,1 0.39,0.03,5,a,0 0.72,0.98,5,a,1",
        "0.88,0.05,8,c,0 0.52,0.69,5,b,0 0.37,0.97,9,b,0 0.27,0.07,2,a,1 0.23,0.59,0,a,1 0.24,0.49,2,c,0",
        "0.39,0.46,8,a,0 0.32,0.07,7,b,0 0.12,0.63,3,c,0 0.64,0.5,9,c,0 0.1,0.89,8,a,0 0.01,0.87,0,b,0 0.87,0.83,6,b,0",
        "0.15,0.3,9,b,0 0.07,0.63,7,c,0 0.92,0.01,3,b,1 0.12,0.09,7,b,0 0.82,0.5,3,a,0 0.95,0.39,9,c,0 0.72,0.06,7,a,0",
        "0.32,0.89,9,b,0 0.04,0.97,2,a,0 0.13,0.48,8,c,0 0.78,0.78,7,a,1 0.9,0.04,1,c,1 0.97,0.33,0,b,1 0.76,0.9,0,c,0",
        "0.95,0.07,8,b,1 0.2,0.61,6,c,0 0.75,0.16,0,c,1 0.15,0.65,5,c,0",    ];

    private static (List<double[]> X, List<string> Mode, List<bool> Y) Cases()
    {
        var x = new List<double[]>();
        var mode = new List<string>();
        var y = new List<bool>();
        foreach (var row in Rows.SelectMany(r => r.Split(' ')))
        {
            var f = row.Split(',');
            x.Add([double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)]);
            mode.Add(f[3]);
            y.Add(f[4] == "1");
        }
        return (x, mode, y);
    }

    private static PrimData Data()
    {
        var (x, mode, y) = Cases();
        return new PrimData(
        [
            PrimInput.Numeric("x1", x.Select(v => v[0]).ToList()), PrimInput.Numeric("x2", x.Select(v => v[1]).ToList()),
            PrimInput.Numeric("x3", x.Select(v => v[2]).ToList()), PrimInput.Categorical("mode", mode),
        ], y);
    }

    [Theory]
    [InlineData(0.05, 0.05)]
    [InlineData(0.1, 0.1)]
    [InlineData(0.2, 0.02)]
    public void Trajectory_WrittenOutDataSet_MatchesTheReferencePointForPoint(double alpha, double minMass)
    {
        var data = Data();
        var all = Enumerable.Repeat(true, data.Cases).ToArray();

        var steps = Peeling.Trajectory(data, all, new PrimSettings(PeelAlpha: alpha, MinMass: minMass));
        var expected = Reference.Peel(Cases(), alpha, minMass);

        Assert.Equal(150, data.Cases);
        Assert.Equal(54, data.Interesting);
        Assert.True(expected.Count > 10, $"the reference peeled only {expected.Count} steps");
        Assert.Equal(expected.Count, steps.Count);
        for (int i = 0; i < steps.Count; i++) AssertSame(expected[i], steps[i], data, $"step {i}");
    }

    [Fact]
    public void Pasting_FromEveryPeeledBox_MatchesTheReferencePointForPoint()
    {
        var data = Data();
        var all = Enumerable.Repeat(true, data.Cases).ToArray();
        var peel = Peeling.Trajectory(data, all, new PrimSettings(PeelAlpha: 0.1, MinMass: 0.05));
        var reference = Reference.Peel(Cases(), 0.1, 0.05);

        int pastes = 0;
        for (int from = 1; from < peel.Count; from++)
        {
            var pasted = Pasting.From(data, all, peel[from], peel.Count, 0.1);
            var expected = Reference.Paste(Cases(), reference[from], 0.1);
            Assert.True(expected.Count == pasted.Count, $"from step {from}: {pasted.Count} pastes, the reference {expected.Count}");
            for (int i = 0; i < pasted.Count; i++) AssertSame(expected[i], pasted[i], data, $"from step {from}, paste {i}");
            pastes += pasted.Count;
        }
        Assert.True(pastes >= 5, $"only {pastes} pastes in all: the comparison would say little");
    }

    private static void AssertSame(Reference.Box expected, PrimStep actual, PrimData data, string where)
    {
        Assert.True(expected.Members.Count == actual.Cases, $"{where}: {actual.Cases} cases, the reference {expected.Members.Count}");
        Assert.True(expected.Interesting == actual.Interesting, $"{where}: {actual.Interesting} of interest, the reference {expected.Interesting}");
        Assert.Equal(expected.Interesting / 54.0, actual.Coverage, 12);
        Assert.Equal((double)expected.Interesting / expected.Members.Count, actual.Density, 12);
        Assert.Equal(expected.Members.Count / 150.0, actual.Mass, 12);
        Assert.True(expected.Restricted == actual.Restricted, $"{where}: {actual.Restricted} restricted, the reference {expected.Restricted}");
        for (int j = 0; j < 3; j++)
        {
            Assert.True(Math.Abs(expected.Low[j] - actual.Box.Low(j)) < 1e-12, $"{where}: x{j + 1} low {actual.Box.Low(j)}, the reference {expected.Low[j]}");
            Assert.True(Math.Abs(expected.High[j] - actual.Box.High(j)) < 1e-12, $"{where}: x{j + 1} high {actual.Box.High(j)}, the reference {expected.High[j]}");
        }
        Assert.Equal(expected.Modes.Order(), actual.Box.KeptCategories(3).Select(c => data.Inputs[3].Categories[c]));
    }

    /// <summary>The reference: PRIM as the papers describe it, done the obvious way.</summary>
    private static class Reference
    {
        public sealed record Box(double[] Low, double[] High, HashSet<string> Modes, List<int> Members, int Interesting, int Restricted);

        private static readonly string[] AllModes = ["a", "b", "c"];

        public static List<Box> Peel((List<double[]> X, List<string> Mode, List<bool> Y) d, double alpha, double minMass)
        {
            var full = Whole(d);
            var box = Make(d, full.Low, full.High, [.. AllModes], full);
            var path = new List<Box> { box };
            int fewest = (int)Math.Ceiling(minMass * d.Y.Count - 1e-9);
            while (box.Interesting > 0 && box.Interesting < box.Members.Count)
            {
                Box? best = null;
                foreach (var next in PeelCandidates(d, box, alpha, full))
                {
                    if (next.Members.Count < fewest) continue;
                    if (best is null || Beats(next, best, box)) best = next;
                }
                if (best is null) break;
                path.Add(box = best);
            }
            return path;
        }

        public static List<Box> Paste((List<double[]> X, List<string> Mode, List<bool> Y) d, Box box, double alpha)
        {
            var full = Whole(d);
            var path = new List<Box>();
            while (true)
            {
                Box? best = null;
                foreach (var next in PasteCandidates(d, box, alpha, full))
                {
                    if (best is null || Beats(next, best, box)) best = next;
                }
                // Strictly denser, or stop.
                if (best is null || Fraction(best.Interesting, best.Members.Count) <= Fraction(box.Interesting, box.Members.Count)) return path;
                path.Add(box = best);
            }
        }

        private static (double[] Low, double[] High) Whole((List<double[]> X, List<string> Mode, List<bool> Y) d) =>
            (Enumerable.Range(0, 3).Select(j => d.X.Min(v => v[j])).ToArray(), Enumerable.Range(0, 3).Select(j => d.X.Max(v => v[j])).ToArray());

        private static Box Make((List<double[]> X, List<string> Mode, List<bool> Y) d, double[] low, double[] high, HashSet<string> modes,
            (double[] Low, double[] High) full)
        {
            var members = Enumerable.Range(0, d.Y.Count)
                .Where(i => Enumerable.Range(0, 3).All(j => d.X[i][j] >= low[j] && d.X[i][j] <= high[j]) && modes.Contains(d.Mode[i])).ToList();
            int restricted = Enumerable.Range(0, 3).Count(j => low[j] > full.Low[j] || high[j] < full.High[j]) + (modes.Count < AllModes.Length ? 1 : 0);
            return new Box(low, high, modes, members, members.Count(i => d.Y[i]), restricted);
        }

        private static IEnumerable<Box> PeelCandidates((List<double[]> X, List<string> Mode, List<bool> Y) d, Box box, double alpha,
            (double[] Low, double[] High) full)
        {
            int n = box.Members.Count, m = Math.Max(1, (int)Math.Floor(alpha * n + 1e-9));
            for (int j = 0; j < 3; j++)
            {
                var values = box.Members.Select(i => d.X[i][j]).Order().ToList();
                double cut = values[m - 1];
                var above = values.Where(v => v > cut).ToList();
                if (above.Count > 0) yield return Make(d, With(box.Low, j, (cut + above.Min()) / 2), box.High, box.Modes, full);
                cut = values[n - m];
                var below = values.Where(v => v < cut).ToList();
                if (below.Count > 0) yield return Make(d, box.Low, With(box.High, j, (below.Max() + cut) / 2), box.Modes, full);
            }
            foreach (var mode in AllModes.Where(box.Modes.Contains))
            {
                var left = Make(d, box.Low, box.High, [.. box.Modes.Where(x => x != mode)], full);
                if (left.Members.Count > 0 && left.Members.Count < n) yield return left;
            }
        }

        private static IEnumerable<Box> PasteCandidates((List<double[]> X, List<string> Mode, List<bool> Y) d, Box box, double alpha,
            (double[] Low, double[] High) full)
        {
            int m = Math.Max(1, (int)Math.Floor(alpha * box.Members.Count + 1e-9));
            for (int j = 0; j < 3; j++)
            {
                if (!(box.Low[j] > full.Low[j] || box.High[j] < full.High[j])) continue;
                // Cases that meet the box on every input but j.
                var beside = Enumerable.Range(0, d.Y.Count).Where(i => box.Modes.Contains(d.Mode[i])
                    && Enumerable.Range(0, 3).Where(k => k != j).All(k => d.X[i][k] >= box.Low[k] && d.X[i][k] <= box.High[k])).ToList();
                var under = beside.Select(i => d.X[i][j]).Where(v => v < box.Low[j]).OrderDescending().ToList();
                if (under.Count > 0)
                {
                    double cut = under[Math.Min(m, under.Count) - 1];
                    var further = under.Where(v => v < cut).ToList();
                    double low = further.Count == 0 ? full.Low[j] : (further.Max() + cut) / 2;
                    yield return Make(d, With(box.Low, j, low), box.High, box.Modes, full);
                }
                var over = beside.Select(i => d.X[i][j]).Where(v => v > box.High[j]).Order().ToList();
                if (over.Count > 0)
                {
                    double cut = over[Math.Min(m, over.Count) - 1];
                    var further = over.Where(v => v > cut).ToList();
                    double high = further.Count == 0 ? full.High[j] : (cut + further.Min()) / 2;
                    yield return Make(d, box.Low, With(box.High, j, high), box.Modes, full);
                }
            }
            foreach (var mode in AllModes.Where(x => !box.Modes.Contains(x)))
            {
                var grown = Make(d, box.Low, box.High, [.. box.Modes, mode], full);
                if (grown.Members.Count > box.Members.Count) yield return grown;
            }
        }

        /// <summary>More density gained per case moved; then fewer cases moved; then the earlier (kept by the caller).</summary>
        private static bool Beats(Box a, Box b, Box from)
        {
            var rateA = (Fraction(a.Interesting, a.Members.Count) - Fraction(from.Interesting, from.Members.Count)) / Math.Abs(from.Members.Count - a.Members.Count);
            var rateB = (Fraction(b.Interesting, b.Members.Count) - Fraction(from.Interesting, from.Members.Count)) / Math.Abs(from.Members.Count - b.Members.Count);
            if (rateA != rateB) return rateA > rateB;
            return Math.Abs(from.Members.Count - a.Members.Count) < Math.Abs(from.Members.Count - b.Members.Count);
        }

        private static double[] With(double[] limits, int j, double value)
        {
            var copy = (double[])limits.Clone();
            copy[j] = value;
            return copy;
        }

        private static Rational Fraction(int top, int bottom) => new(top, bottom);
    }

    /// <summary>An exact fraction, enough of one for the reference's comparisons.</summary>
    private readonly record struct Rational(BigInteger Top, BigInteger Bottom) : IComparable<Rational>
    {
        public static Rational operator -(Rational a, Rational b) => new(a.Top * b.Bottom - b.Top * a.Bottom, a.Bottom * b.Bottom);

        public static Rational operator /(Rational a, int k) => new(a.Top, a.Bottom * k);

        public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

        public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

        public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

        public int CompareTo(Rational other) => (Top * other.Bottom).CompareTo(other.Top * Bottom);

        public bool Equals(Rational other) => CompareTo(other) == 0;

        public override int GetHashCode() => 0;
    }
}
