using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// The posterior predictive: the model run over the observed stretch at up to <see cref="MaxDraws"/>
/// retained draws, picked without replacement by a seeded stream (chunk 1 of
/// <see cref="SeedSequence.Stream.CalibrationChecks"/>), which then draws each observation's noise.
/// </summary>
internal sealed record PosteriorPredictive(IReadOnlyList<ObservationPrediction> Observations, IReadOnlyList<PredictiveBand> Bands, int Draws)
{
    public const int MaxDraws = 200;

    /// <summary>The last step the predictive runs to: the last observation and half the observed stretch (at least 13 steps) after it, within the run.</summary>
    public static int Horizon(IReadOnlyList<CalibrationTarget> targets, int lastStep)
    {
        int first = targets.Min(t => t.Step), last = targets.Max(t => t.Step);
        return Math.Min(lastStep, last + Math.Max(13, (last - first + 1) / 2));
    }

    /// <param name="draws">Retained draws pooled chain after chain (every quantity on its parameter scale).</param>
    /// <param name="metrics">The observed metrics, in the order <paramref name="series"/> returns them.</param>
    /// <param name="series">The replicated mean of each metric at every step 0..horizon for a parameter vector; null when the vector makes no valid scenario.</param>
    public static PosteriorPredictive? Run(PosteriorProblem problem, IReadOnlyList<double[]> draws, IReadOnlyList<string> metrics,
        Func<double[], double[][]?> series, int horizon, ulong seed, int workers, CancellationToken cancel = default)
    {
        if (draws.Count == 0) return null;
        var random = SeedSequence.ForChunk(seed, SeedSequence.Stream.CalibrationChecks, 1);
        var chosen = Choose(draws.Count, Math.Min(MaxDraws, draws.Count), random);
        var runs = new double[chosen.Length][][];
        Parallel.For(0, chosen.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i =>
        {
            if (!cancel.IsCancellationRequested) runs[i] = series(problem.Space.Parameters(draws[chosen[i]])) ?? [];
        });
        if (cancel.IsCancellationRequested) return null;

        var observations = problem.Observations;
        var targets = observations.Targets;
        var model = targets.Select(_ => new List<double>()).ToArray();
        var predictive = targets.Select(_ => new List<double>()).ToArray();
        var metricOf = targets.Select(t => metrics.ToList().IndexOf(t.Metric.Name)).ToArray();
        for (var d = 0; d < chosen.Length; d++)
        {
            // Noise is drawn for every draw and observation in this fixed order, valid run or not.
            var sigmas = problem.Space.Scales(draws[chosen[d]]);
            for (var i = 0; i < targets.Count; i++)
            {
                var noise = random.NextGaussian();
                var metric = metricOf[i];
                if (runs[d].Length == 0 || targets[i].Step >= runs[d][metric].Length || !double.IsFinite(runs[d][metric][targets[i].Step])) continue;
                var mean = runs[d][metric][targets[i].Step];
                model[i].Add(mean);
                var sd = observations.Sd(i, sigmas);
                // A new observation cannot leave its metric's domain (a share below 0): the Gaussian error is censored there.
                if (double.IsFinite(sd)) predictive[i].Add(targets[i].Metric.Domain.Clamp(mean + sd * noise));
            }
        }
        var predictions = targets.Select((_, i) =>
        {
            var m = model[i].Order().ToArray();
            var p = predictive[i].Order().ToArray();
            return new ObservationPrediction(i, Q(m, 0.5), Q(m, 0.025), Q(m, 0.975), Q(p, 0.5), Q(p, 0.025), Q(p, 0.975));
        }).ToList();
        var bands = metrics.Select((metric, k) =>
        {
            var steps = Enumerable.Range(0, horizon + 1).ToArray();
            var perStep = steps.Select(s => runs.Where(r => r.Length > 0 && s < r[k].Length && double.IsFinite(r[k][s])).Select(r => r[k][s]).Order().ToArray()).ToArray();
            return new PredictiveBand(metric, steps, perStep.Select(v => Q(v, 0.5)).ToList(), perStep.Select(v => Q(v, 0.025)).ToList(),
                perStep.Select(v => Q(v, 0.975)).ToList());
        }).ToList();
        return new PosteriorPredictive(predictions, bands, chosen.Length);
    }

    /// <summary><paramref name="count"/> of 0..n-1 without replacement (a partial Fisher-Yates shuffle), in increasing order.</summary>
    private static int[] Choose(int n, int count, RandomStream random)
    {
        var all = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextIndex(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all[..count].Order().ToArray();
    }

    private static double Q(double[] sorted, double p) => DrawSummary.QuantileOfSorted(sorted, p);
}
