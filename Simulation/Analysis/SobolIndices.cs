namespace TrustSim.Analysis;

/// <summary>
/// Sobol indices from the outputs of a Saltelli design. First order by Saltelli et al. (2010),
/// V_i = mean_j f(B_j) (f(AB_j^i) - f(A_j)); total by Jansen (1999), E_i = mean_j (f(A_j) - f(AB_j^i))^2 / 2;
/// second order as Saltelli (2002), V_ij = mean_j (f(BA_j^i) f(AB_j^j') - f(A_j) f(B_j)) minus both
/// first-order parts; each divided by the variance of f over the A and B points. Confidence intervals
/// resample whole base rows with replacement, since a row's points are evaluated together.
/// </summary>
internal static class SobolIndices
{
    /// <param name="layout">The design's layout (<c>SweepPlan.Saltelli</c>).</param>
    /// <param name="parameters">Parameter names in design order (<c>SweepPlan.Parameters[i].Path</c>).</param>
    /// <param name="outputs">One output per design point, indexed as <c>SweepPlan.Points</c> (for example the mean
    /// over replications); a base row with any non-finite output (a failed run) is left out whole.</param>
    /// <param name="resamples">Bootstrap resamples for the 95% intervals; 0 gives NaN bounds.</param>
    /// <param name="seed">Seed of the bootstrap draws (the scenario's master seed does).</param>
    public static SobolResult Estimate(SaltelliLayout layout, IReadOnlyList<string> parameters, IReadOnlyList<double> outputs,
        int resamples = Bootstrap.DefaultResamples, ulong seed = 1)
    {
        var k = layout.Parameters;
        if (parameters.Count != k) throw new ArgumentException($"{parameters.Count} names for {k} parameters", nameof(parameters));
        if (outputs.Count != layout.PointCount)
            throw new ArgumentException($"{outputs.Count} outputs for {layout.PointCount} design points", nameof(outputs));
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var warnings = new List<string>();
        var data = SaltelliOutputs.Gather(layout, outputs);
        if (data.Rows < layout.BaseRows)
            warnings.Add($"sobol: {layout.BaseRows - data.Rows} of {layout.BaseRows} base rows had a failed or non-finite output and were left out");
        var pairs = PairsOf(layout);
        if (data.Rows < 2)
        {
            warnings.Add("sobol: fewer than 2 usable base rows; no indices");
            return Empty(layout, parameters, data.Rows, pairs, warnings);
        }
        var all = Enumerable.Range(0, data.Rows).ToArray();
        var point = Compute(data, all, pairs);
        if (!(point.Variance > 0))
            warnings.Add("sobol: the output does not vary over the design, so its variance has no shares to apportion");

        var first = new double[k][];
        var total = new double[k][];
        var second = new double[pairs.Length][];
        for (var i = 0; i < k; i++) (first[i], total[i]) = (new double[resamples], new double[resamples]);
        for (var p = 0; p < pairs.Length; p++) second[p] = new double[resamples];
        var rng = Bootstrap.Stream(seed);
        var pick = new int[data.Rows];
        for (var b = 0; b < resamples; b++)
        {
            Bootstrap.Resample(rng, data.Rows, pick);
            var draw = Compute(data, pick, pairs);
            for (var i = 0; i < k; i++) (first[i][b], total[i][b]) = (draw.First[i], draw.Total[i]);
            for (var p = 0; p < pairs.Length; p++) second[p][b] = draw.Second[p];
        }
        var result = new SobolResult(parameters, layout.BaseRows, data.Rows, point.Variance,
            Enumerable.Range(0, k).Select(i => Bootstrap.Interval(point.First[i], first[i])).ToArray(),
            Enumerable.Range(0, k).Select(i => Bootstrap.Interval(point.Total[i], total[i])).ToArray(),
            pairs.Select((q, p) => new PairIndex(q.I, q.J, Bootstrap.Interval(point.Second[p], second[p]))).ToArray(),
            warnings);
        warnings.AddRange(SensitivityWarnings.For("sobol", result.Rows(), data.Rows, SensitivityWarnings.SobolFloor, powerOfTwo: true));
        return result;
    }

    private sealed record Draw(double Variance, double[] First, double[] Total, double[] Second);

    private static Draw Compute(SaltelliOutputs d, int[] rows, (int I, int J)[] pairs)
    {
        var n = rows.Length;
        double sum = 0, squares = 0;
        foreach (var r in rows)
        {
            sum += d.A[r] + d.B[r];
            squares += d.A[r] * d.A[r] + d.B[r] * d.B[r];
        }
        var mean = sum / (2 * n);
        var variance = squares / (2 * n) - mean * mean;
        var first = new double[d.Parameters];
        var total = new double[d.Parameters];
        for (var i = 0; i < d.Parameters; i++)
        {
            double v = 0, e = 0;
            var ab = d.AB[i];
            foreach (var r in rows)
            {
                var change = ab[r] - d.A[r];
                v += d.B[r] * change;
                e += change * change;
            }
            first[i] = v / n / variance;
            total[i] = e / (2 * n) / variance;
        }
        var second = new double[pairs.Length];
        for (var p = 0; p < pairs.Length; p++)
        {
            var (i, j) = pairs[p];
            var (ba, ab) = (d.BA[i], d.AB[j]);
            double v = 0;
            foreach (var r in rows) v += ba[r] * ab[r] - d.A[r] * d.B[r];
            second[p] = v / n / variance - first[i] - first[j];
        }
        return new Draw(variance, first, total, second);
    }

    private static (int I, int J)[] PairsOf(SaltelliLayout layout) => !layout.SecondOrder ? [] :
        [.. from i in Enumerable.Range(0, layout.Parameters) from j in Enumerable.Range(i + 1, layout.Parameters - i - 1) select (i, j)];

    private static SobolResult Empty(SaltelliLayout layout, IReadOnlyList<string> parameters, int rows, (int I, int J)[] pairs, List<string> warnings)
    {
        var none = new IndexEstimate(double.NaN, double.NaN, double.NaN);
        var each = Enumerable.Repeat(none, layout.Parameters).ToArray();
        return new SobolResult(parameters, layout.BaseRows, rows, double.NaN, each, each,
            pairs.Select(q => new PairIndex(q.I, q.J, none)).ToArray(), warnings);
    }
}
