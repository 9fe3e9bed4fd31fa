using MathNet.Numerics.Statistics;
using TrustSim.Core;

namespace TrustSim.Analysis;

/// <summary>The resampling shared by the sensitivity estimators: seeded draws and percentile intervals.</summary>
internal static class Bootstrap
{
    public const int DefaultResamples = 1000;

    // Keeps the bootstrap's draws apart from the design's, which come from the same master seed.
    private const ulong Salt = 0x6A09E667F3BCC909UL;

    public static RandomStream Stream(ulong seed) => new(seed ^ Salt);

    /// <summary>Fills <paramref name="pick"/> with indices drawn uniformly, with replacement, from 0..n-1.</summary>
    public static void Resample(RandomStream rng, int n, int[] pick)
    {
        for (var i = 0; i < pick.Length; i++) pick[i] = rng.NextIndex(n);
    }

    /// <summary>The estimate with the 2.5th and 97.5th percentiles (R type 7) of its finite bootstrap draws.</summary>
    public static IndexEstimate Interval(double value, IEnumerable<double> draws)
    {
        var finite = draws.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new IndexEstimate(value, double.NaN, double.NaN);
        Array.Sort(finite);
        return new IndexEstimate(value,
            SortedArrayStatistics.QuantileCustom(finite, 0.025, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(finite, 0.975, QuantileDefinition.R7));
    }
}
