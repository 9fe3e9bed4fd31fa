using TrustSim.Analysis;

namespace TrustSim.Experiments;

/// <summary>
/// One coordinate of the posterior: a calibrated parameter (by its path) or an error scale
/// (<c>sigma_METRIC</c>), its bounds, the scale it is sampled on and its prior.
/// </summary>
internal sealed record SampledQuantity(string Name, double Min, double Max, bool Log, BoundedPrior Prior, bool IsErrorScale)
{
    /// <summary>The value on the scale the quantity is sampled and summarised on: ln x on a log scale, x otherwise.</summary>
    public double OnScale(double value) => Log ? Math.Log(value) : value;
}
