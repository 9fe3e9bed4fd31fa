namespace TrustSim.Core;

/// <summary>
/// The one Latin hypercube of the tool (McKay, Beckman and Conover 1979), on [0,1)^d: each
/// dimension is cut into as many equal strata as there are points and each stratum holds exactly
/// one point. Strata are paired across dimensions by an independent random permutation per
/// dimension, and each point sits at a uniform random position inside its stratum. Used by the
/// latin_hypercube sweep design and by the calibration's multi-start.
/// </summary>
internal static class LatinHypercube
{
    /// <summary>A sample drawn from a stream seeded with <paramref name="seed"/> alone.</summary>
    public static double[][] Sample(int points, int dimensions, ulong seed) => Sample(points, dimensions, new RandomStream(seed));

    /// <summary><paramref name="points"/> rows of <paramref name="dimensions"/> unit coordinates, drawn dimension after dimension from <paramref name="random"/>.</summary>
    public static double[][] Sample(int points, int dimensions, RandomStream random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var sample = new double[points][];
        for (var i = 0; i < points; i++)
            sample[i] = new double[dimensions];
        var strata = new int[points];
        for (var d = 0; d < dimensions; d++)
        {
            for (var i = 0; i < points; i++) strata[i] = i;
            // Fisher-Yates with the seeded stream, so the design depends on the seed alone.
            for (var i = points - 1; i > 0; i--)
            {
                var j = random.NextIndex(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (var i = 0; i < points; i++)
                sample[i][d] = (strata[i] + random.NextUnit()) / points;
        }
        return sample;
    }
}
