using MathNet.Numerics.Distributions;

namespace TrustSim.Analysis;

/// <summary>
/// One-way analysis of variance across the cells of a design, from each cell's mean, sd and n (as
/// points.csv gives them): do the cells' means differ by more than their replications' noise explains?
/// A heatmap of a metric the parameters do not move is a vivid checkerboard of noise; this is the test
/// that tells a reader so.
/// </summary>
/// <param name="F">Between-cell mean square over within-cell mean square; NaN when undefined.</param>
/// <param name="P">Probability of an F this large if every cell had the same mean; NaN when undefined.</param>
internal sealed record OneWayAnova(double F, int BetweenDf, int WithinDf, double P)
{
    public bool IsDefined => !double.IsNaN(P);

    public static OneWayAnova Of(IReadOnlyList<SampleStatistics> cells)
    {
        var used = cells.Where(c => c.N > 0 && !double.IsNaN(c.Mean)).ToArray();
        int total = used.Sum(c => c.N);
        int between = used.Length - 1;
        int within = total - used.Length;
        if (between < 1 || within < 1 || used.Any(c => c.N > 1 && double.IsNaN(c.Sd)))
        {
            return new OneWayAnova(double.NaN, between, within, double.NaN);
        }
        double grand = used.Sum(c => c.N * c.Mean) / total;
        double betweenSquares = used.Sum(c => c.N * (c.Mean - grand) * (c.Mean - grand));
        double withinSquares = used.Where(c => c.N > 1).Sum(c => (c.N - 1) * c.Sd * c.Sd);
        if (Difference.NegligibleSpread(Math.Sqrt(withinSquares / within), grand))
        {
            // No noise at all: any difference between cells is exact, none is 0/0.
            return new OneWayAnova(double.NaN, between, within, double.NaN);
        }
        double f = betweenSquares / between / (withinSquares / within);
        return new OneWayAnova(f, between, within, 1 - FisherSnedecor.CDF(between, within, f));
    }
}
