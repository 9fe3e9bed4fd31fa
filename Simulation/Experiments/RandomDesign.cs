using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>Simple random sampling: points drawn independently and uniformly in the parameters' box.</summary>
internal static class RandomDesign
{
    /// <param name="parameters">The swept parameters, each with min and max.</param>
    /// <param name="samples">Number of points.</param>
    /// <param name="rng">The design's generator (from the master seed); coordinates are drawn point by point, parameter by parameter.</param>
    public static IReadOnlyList<DesignPoint> Points(IReadOnlyList<SweepParameter> parameters, int samples, RandomStream rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var points = new DesignPoint[samples];
        var unit = new double[parameters.Count];
        for (var n = 0; n < samples; n++)
        {
            for (var k = 0; k < unit.Length; k++) unit[k] = rng.NextUnit();
            points[n] = UnitCube.ToPoint(n, parameters, unit);
        }
        return points;
    }
}
