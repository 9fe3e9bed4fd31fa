namespace TrustSim.Analysis;

/// <summary>A second-order Sobol index of parameters <paramref name="First"/> &lt; <paramref name="Second"/> (0-based).</summary>
internal readonly record struct PairIndex(int First, int Second, IndexEstimate Estimate);

/// <summary>
/// Sobol indices of one model output: shares of its variance due to each parameter alone (S1),
/// to each parameter with all its interactions (ST), and optionally to each pair's interaction (S2).
/// </summary>
/// <param name="Parameters">Parameter names, in design order.</param>
/// <param name="BaseRows">N of the design.</param>
/// <param name="RowsUsed">Base rows whose outputs were all finite, the ones the estimates use.</param>
/// <param name="Variance">Variance of the output over the A and B points used (output units squared).</param>
/// <param name="First">S1 per parameter.</param>
/// <param name="Total">ST per parameter.</param>
/// <param name="Second">S2 per pair, empty unless the design has second order.</param>
/// <param name="Warnings">Dropped rows, wide or negative intervals, with the N that would help.</param>
internal sealed record SobolResult(IReadOnlyList<string> Parameters, int BaseRows, int RowsUsed, double Variance,
    IReadOnlyList<IndexEstimate> First, IReadOnlyList<IndexEstimate> Total, IReadOnlyList<PairIndex> Second,
    IReadOnlyList<string> Warnings)
{
    /// <summary>S1 and ST of each parameter in order, then S2 of each pair.</summary>
    public IReadOnlyList<SensitivityRow> Rows()
    {
        var rows = new List<SensitivityRow>();
        for (var i = 0; i < Parameters.Count; i++)
        {
            rows.Add(new SensitivityRow(Parameters[i], "S1", First[i].Value, First[i].Low, First[i].High));
            rows.Add(new SensitivityRow(Parameters[i], "ST", Total[i].Value, Total[i].Low, Total[i].High));
        }
        foreach (var p in Second)
            rows.Add(new SensitivityRow($"{Parameters[p.First]}:{Parameters[p.Second]}", "S2",
                p.Estimate.Value, p.Estimate.Low, p.Estimate.High));
        return rows;
    }
}
