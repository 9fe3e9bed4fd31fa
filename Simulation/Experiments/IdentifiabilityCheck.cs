using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// Counts the observations that carry information about the parameters: the model is run at a seeded
/// Latin hypercube of <see cref="Points"/> points over the priors (chunk 0 of
/// <see cref="SeedSequence.Stream.CalibrationChecks"/>), and an observation whose model value spans less
/// than <see cref="NoiseShare"/> of its noise across them (its se, or sigma at the low end of its prior,
/// over sqrt(weight)) cannot move the posterior away from the prior, whatever its value. The
/// pre-scandal Ponemon figure is one: the model starts every run at that reputation.
/// </summary>
internal static class IdentifiabilityCheck
{
    public const int Points = 32;

    public const double NoiseShare = 0.01;

    /// <summary>Each observation's spread and verdict, in target order; null when cancelled first.</summary>
    public static IReadOnlyList<ObservationInformation>? Run(PosteriorProblem problem, ulong seed, int workers, CancellationToken cancel = default)
    {
        var space = problem.Space;
        var design = LatinHypercube.Sample(Points, space.ParameterCount, SeedSequence.ForChunk(seed, SeedSequence.Stream.CalibrationChecks, 0))
            .Select(u => u.Select((p, k) => space.Quantities[k].Prior.Quantile(p)).ToArray()).ToArray();
        var means = new double[Points][];
        Parallel.For(0, Points, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i =>
        {
            if (!cancel.IsCancellationRequested) means[i] = problem.Means(design[i]);
        });
        if (cancel.IsCancellationRequested) return null;

        var lowestNoise = problem.Observations.Scales.Select(s => s.Min).ToArray();
        return problem.Observations.Targets.Select((t, i) =>
        {
            var values = means.Select(m => m[i]).Where(double.IsFinite).ToList();
            if (values.Count == 0) return new ObservationInformation(i, double.NaN, double.NaN, false);
            double low = values.Min(), high = values.Max();
            var noise = problem.Observations.Sd(i, lowestNoise);
            return new ObservationInformation(i, low, high, high - low > NoiseShare * noise);
        }).ToList();
    }
}
