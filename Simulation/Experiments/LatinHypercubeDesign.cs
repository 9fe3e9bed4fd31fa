using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Latin hypercube sampling of the swept parameters: a <see cref="LatinHypercube"/> in the unit
/// cube, each row turned into a design point through the parameters' scales.
/// </summary>
internal static class LatinHypercubeDesign
{
    /// <param name="parameters">The swept parameters, each with min and max.</param>
    /// <param name="samples">Number of points, which is also the number of strata per parameter.</param>
    /// <param name="rng">The design's generator (from the master seed).</param>
    public static IReadOnlyList<DesignPoint> Points(IReadOnlyList<SweepParameter> parameters, int samples, RandomStream rng)
    {
        var unit = LatinHypercube.Sample(samples, parameters.Count, rng);
        return unit.Select((row, n) => UnitCube.ToPoint(n, parameters, row)).ToArray();
    }
}
