using TrustSim.Analysis;

namespace TrustSim.Charts;

/// <summary>
/// One sampled quantity as the posterior charts draw it: its prior, the scale it lives on, its draws
/// chain by chain, and the summary and convergence summary.csv holds for it.
/// </summary>
internal sealed record PosteriorQuantity(string Name, BoundedPrior Prior, bool Log, bool IsErrorScale, IReadOnlyList<double[]> ByChain,
    DrawSummary Summary, ChainConvergence Convergence)
{
    public double[] Pooled() => ByChain.SelectMany(c => c).ToArray();
}
