namespace TrustSim.Analysis;

/// <summary>A sensitivity index with its 95% bootstrap confidence interval (NaN bounds when no interval was computed).</summary>
/// <param name="Value">The estimate from all the data.</param>
/// <param name="Low">2.5th percentile of the bootstrap estimates.</param>
/// <param name="High">97.5th percentile of the bootstrap estimates.</param>
internal readonly record struct IndexEstimate(double Value, double Low, double High)
{
    public double Width => High - Low;

    public bool Contains(double x) => x >= Low && x <= High;
}
