namespace TrustSim.Core;

/// <summary>A seeded Latin hypercube on [0,1)^d: each dimension's n strata hold exactly one point.</summary>
internal static class LatinHypercube
{
    public static double[][] Sample(int points, int dimensions, ulong seed)
    {
        var random = new RandomStream(seed);
        var sample = new double[points][];
        for (var i = 0; i < points; i++)
            sample[i] = new double[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var strata = Enumerable.Range(0, points).ToArray();
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
