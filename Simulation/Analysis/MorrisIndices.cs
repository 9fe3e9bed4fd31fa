using MathNet.Numerics.Statistics;

namespace TrustSim.Analysis;

/// <summary>
/// Morris elementary-effects measures (mu, mu* of Campolongo et al. 2007, sigma) from the outputs of a
/// Morris design, with a bootstrap interval for mu* that resamples each parameter's effects (one per
/// trajectory, so independent) with replacement.
/// </summary>
internal static class MorrisIndices
{
    /// <summary>mu* interval width that counts as pinned down, as a share of the largest mu*.</summary>
    public const double FloorShare = 0.05;

    /// <param name="design">The design's layout (<c>SweepPlan.Morris.Layout</c>).</param>
    /// <param name="parameters">Parameter names in design order.</param>
    /// <param name="outputs">One output per design point, indexed as <c>SweepPlan.Points</c>; an effect that
    /// touches a non-finite output (a failed run) is left out.</param>
    /// <param name="resamples">Bootstrap resamples for the mu* intervals; 0 gives NaN bounds.</param>
    /// <param name="seed">Seed of the bootstrap draws.</param>
    public static MorrisResult Estimate(MorrisLayout design, IReadOnlyList<string> parameters, IReadOnlyList<double> outputs,
        int resamples = Bootstrap.DefaultResamples, ulong seed = 1)
    {
        var k = design.Parameters;
        if (parameters.Count != k) throw new ArgumentException($"{parameters.Count} names for {k} parameters", nameof(parameters));
        if (outputs.Count != design.PointCount)
            throw new ArgumentException($"{outputs.Count} outputs for {design.PointCount} design points", nameof(outputs));
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var effects = Enumerable.Range(0, k).Select(_ => new List<double>(design.Trajectories)).ToArray();
        for (var t = 0; t < design.Trajectories; t++)
            for (var s = 1; s <= k; s++)
            {
                var before = outputs[design.PointIndex(t, s - 1)];
                var after = outputs[design.PointIndex(t, s)];
                if (!double.IsFinite(before) || !double.IsFinite(after)) continue;
                var move = design.Move(t, s);
                effects[move.Parameter].Add((after - before) / move.Step);
            }
        var rng = Bootstrap.Stream(seed);
        var mu = new double[k];
        var sigma = new double[k];
        var muStar = new IndexEstimate[k];
        for (var i = 0; i < k; i++)
        {
            var ee = effects[i];
            var absolute = ee.Select(Math.Abs).ToArray();
            mu[i] = ee.Count == 0 ? double.NaN : ee.Average();
            sigma[i] = ee.Count < 2 ? double.NaN : ee.StandardDeviation();
            var value = absolute.Length == 0 ? double.NaN : absolute.Average();
            var draws = new double[absolute.Length == 0 ? 0 : resamples];
            var pick = new int[absolute.Length];
            for (var b = 0; b < draws.Length; b++)
            {
                Bootstrap.Resample(rng, absolute.Length, pick);
                double sum = 0;
                foreach (var p in pick) sum += absolute[p];
                draws[b] = sum / absolute.Length;
            }
            muStar[i] = Bootstrap.Interval(value, draws);
        }
        var warnings = new List<string>();
        var missing = design.Trajectories * k - effects.Sum(e => e.Count);
        if (missing > 0)
            warnings.Add($"morris: {missing} of {design.Trajectories * k} elementary effects touched a failed or non-finite output and were left out");
        var result = new MorrisResult(parameters, design.Trajectories, effects.Select(e => e.Count).ToArray(), mu, muStar, sigma, warnings);
        var largest = muStar.Select(m => m.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        if (largest > 0)
            warnings.AddRange(SensitivityWarnings.For("morris", result.Rows(), design.Trajectories, FloorShare * largest, powerOfTwo: false));
        return result;
    }
}
