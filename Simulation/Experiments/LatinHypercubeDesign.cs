using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover 1979): each parameter's range is cut into
/// as many equal strata (in the unit scale) as there are points, and each stratum holds exactly one
/// point. Strata are paired across parameters by an independent random permutation per parameter,
/// and each point sits at a uniform random position inside its stratum.
/// </summary>
internal static class LatinHypercubeDesign
{
    /// <param name="parameters">The swept parameters, each with min and max.</param>
    /// <param name="samples">Number of points, which is also the number of strata per parameter.</param>
    /// <param name="rng">The design's generator (from the master seed).</param>
    public static IReadOnlyList<DesignPoint> Points(IReadOnlyList<SweepParameter> parameters, int samples, RandomStream rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var k = parameters.Count;
        var unit = new double[samples, k];
        var stratum = new int[samples];
        for (var p = 0; p < k; p++)
        {
            for (var n = 0; n < samples; n++) stratum[n] = n;
            for (var n = samples - 1; n > 0; n--) // Fisher-Yates
            {
                var m = rng.NextIndex(n + 1);
                (stratum[n], stratum[m]) = (stratum[m], stratum[n]);
            }
            for (var n = 0; n < samples; n++) unit[n, p] = (stratum[n] + rng.NextUnit()) / samples;
        }
        var points = new DesignPoint[samples];
        var row = new double[k];
        for (var n = 0; n < samples; n++)
        {
            for (var p = 0; p < k; p++) row[p] = unit[n, p];
            points[n] = UnitCube.ToPoint(n, parameters, row);
        }
        return points;
    }
}
