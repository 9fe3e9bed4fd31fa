using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Analysis;

public sealed class SobolIndicesTests(ITestOutputHelper output)
{
    private static SweepParameter[] Box(int k, double min, double max) =>
        Enumerable.Range(0, k).Select(i => new SweepParameter { Path = $"x{i + 1}", Min = min, Max = max }).ToArray();

    private static (SaltelliDesign Design, double[] Y, string[] Names) Run(SweepParameter[] box, int n, bool secondOrder, Func<IReadOnlyList<double>, double> f, ulong seed)
    {
        var design = SaltelliDesign.Build(box, n, secondOrder, SeedSequence.For(seed, SeedSequence.Stream.Design));
        return (design, design.Points.Select(p => f(p.Values)).ToArray(), box.Select(p => p.Path).ToArray());
    }

    private void Report(SobolResult r, double[] s1, double[] st)
    {
        for (var i = 0; i < r.Parameters.Count; i++)
            output.WriteLine($"{r.Parameters[i]}: S1 {r.First[i].Value:0.0000} [{r.First[i].Low:0.0000}, {r.First[i].High:0.0000}] exact {s1[i]:0.0000}; " +
                $"ST {r.Total[i].Value:0.0000} [{r.Total[i].Low:0.0000}, {r.Total[i].High:0.0000}] exact {st[i]:0.0000}");
        foreach (var w in r.Warnings) output.WriteLine(w);
    }

    [Fact]
    public void IshigamiIndices_Analytic_MatchPublishedValues()
    {
        var (first, total, s13) = TestFunctions.IshigamiIndices();
        Assert.Equal([0.3139, 0.4424, 0], first.Select(x => Math.Round(x, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], total.Select(x => Math.Round(x, 4)));
        Assert.Equal(0.2437, s13, 4);
    }

    [Fact]
    public void Estimate_IshigamiAtN4096_RecoversS1AndSTWithinTheirCIsAnd0Point02()
    {
        // N = 2^12 base rows, 5 N = 20480 evaluations, 1000 bootstrap resamples.
        var (design, y, names) = Run(Box(3, -Math.PI, Math.PI), 1 << 12, false, TestFunctions.Ishigami, seed: 2024);
        var result = SobolIndices.Estimate(design.Layout, names, y, seed: 2024);
        var (s1, st, _) = TestFunctions.IshigamiIndices();
        Report(result, s1, st);
        Assert.Equal(4096, result.RowsUsed);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(result.First[i].Contains(s1[i]), $"S1[x{i + 1}] CI misses {s1[i]}");
            Assert.True(result.Total[i].Contains(st[i]), $"ST[x{i + 1}] CI misses {st[i]}");
            Assert.Equal(s1[i], result.First[i].Value, 0.02);
            Assert.Equal(st[i], result.Total[i].Value, 0.02);
            Assert.InRange(result.First[i].Width, 0.005, 0.1);
        }
        Assert.Empty(result.Second);
    }

    [Fact]
    public void Estimate_GFunctionAtN4096_RecoversS1AndSTWithinTheirCIsAnd0Point02()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99];
        var (design, y, names) = Run(Box(6, 0, 1), 1 << 12, false, x => TestFunctions.G(x, a), seed: 77);
        var result = SobolIndices.Estimate(design.Layout, names, y, seed: 77);
        var (s1, st) = TestFunctions.GIndices(a);
        Report(result, s1, st);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(result.First[i].Contains(s1[i]), $"S1[x{i + 1}] CI misses {s1[i]}");
            Assert.True(result.Total[i].Contains(st[i]), $"ST[x{i + 1}] CI misses {st[i]}");
            Assert.Equal(s1[i], result.First[i].Value, 0.02);
            Assert.Equal(st[i], result.Total[i].Value, 0.02);
        }
        // Sanity of the analytic values: x1 dominates, x5 and x6 are negligible.
        Assert.Equal(0.7163, s1[0], 4);
        Assert.True(st[4] < 0.0003);
    }

    [Fact]
    public void Estimate_IshigamiSecondOrderAtN4096_FindsOnlyTheX1X3Interaction()
    {
        var (design, y, names) = Run(Box(3, -Math.PI, Math.PI), 1 << 12, true, TestFunctions.Ishigami, seed: 11);
        var result = SobolIndices.Estimate(design.Layout, names, y, seed: 11);
        var (_, _, s13) = TestFunctions.IshigamiIndices();
        Assert.Equal([(0, 1), (0, 2), (1, 2)], result.Second.Select(p => (p.First, p.Second)));
        double[] exact = [0, s13, 0];
        for (var p = 0; p < 3; p++)
        {
            var e = result.Second[p].Estimate;
            output.WriteLine($"S2 {result.Second[p].First + 1}{result.Second[p].Second + 1}: {e.Value:0.0000} [{e.Low:0.0000}, {e.High:0.0000}] exact {exact[p]:0.0000}");
            Assert.True(e.Contains(exact[p]), $"S2 pair {p} CI misses {exact[p]}");
            Assert.Equal(exact[p], e.Value, 0.05);
        }
        Assert.Contains(result.Rows(), r => r is { Parameter: "x1:x3", Index: "S2" });
    }

    [Fact]
    public void Estimate_FailedRun_LeavesItsBaseRowOutAndSaysSo()
    {
        var (design, y, names) = Run(Box(3, -Math.PI, Math.PI), 256, false, TestFunctions.Ishigami, seed: 3);
        y[design.Layout.AB(10, 1)] = double.NaN;
        var result = SobolIndices.Estimate(design.Layout, names, y, resamples: 100, seed: 3);
        Assert.Equal(255, result.RowsUsed);
        Assert.Contains(result.Warnings, w => w.Contains("1 of 256 base rows"));
        Assert.All(result.First, e => Assert.True(double.IsFinite(e.Value)));
    }

    [Fact]
    public void Estimate_SameSeed_GivesIdenticalIntervals()
    {
        var (design, y, names) = Run(Box(3, -Math.PI, Math.PI), 128, false, TestFunctions.Ishigami, seed: 5);
        var a = SobolIndices.Estimate(design.Layout, names, y, resamples: 200, seed: 9);
        var b = SobolIndices.Estimate(design.Layout, names, y, resamples: 200, seed: 9);
        Assert.Equal(a.Rows(), b.Rows());
    }

    [Fact]
    public void Estimate_IshigamiAtSmallN_WarnsWithALargerN()
    {
        var (design, y, names) = Run(Box(3, -Math.PI, Math.PI), 32, false, TestFunctions.Ishigami, seed: 1);
        var result = SobolIndices.Estimate(design.Layout, names, y, seed: 1);
        foreach (var w in result.Warnings) output.WriteLine(w);
        Assert.Contains(result.Warnings, w => w.Contains("wider than the index") && w.Contains("sweep.samples = "));
    }
}
