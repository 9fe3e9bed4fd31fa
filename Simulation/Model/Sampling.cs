using MathNet.Numerics.Distributions;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>Draws from a scenario's <see cref="Distribution"/> with the run's own generator.</summary>
internal static class Sampling
{
    public static double Draw(Distribution d, RandomStream rng) => d.Kind switch
    {
        DistributionKind.Constant => d.Value,
        DistributionKind.Uniform => d.Min + (d.Max - d.Min) * rng.NextUnit(),
        DistributionKind.Normal => d.Mean + d.Sd * rng.NextGaussian(),
        DistributionKind.Beta => d.Scale * Beta.Sample(rng, d.Alpha, d.Beta),
        DistributionKind.LogUniform => Math.Exp(Math.Log(d.Min) + Math.Log(d.Max / d.Min) * rng.NextUnit()),
        _ => throw new ArgumentOutOfRangeException(nameof(d), d.Kind, "unknown distribution"),
    };

    /// <summary>Number of events in a step of a Poisson process with <paramref name="mean"/> events per step.</summary>
    public static int PoissonCount(double mean, RandomStream rng) => mean <= 0 ? 0 : Poisson.Sample(rng, mean);
}
