using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// Runs the chains of a posterior: each an <see cref="AdaptiveMetropolis"/> chain in the
/// <see cref="PosteriorSpace"/> with a stream of its own (chunk k of
/// <see cref="SeedSequence.Stream.CalibrationChains"/>: proposals, acceptance draws and each kept draw's
/// error scales), started at its point of a Latin hypercube over the priors. Chains advance in blocks of
/// iterations, up to <c>workers</c> chains at a time; between blocks the chains still in warmup pool
/// their covariance (<see cref="AdaptiveMetropolis.Share"/>). A block's work depends on the chains'
/// streams and states alone, so the draws are the same for any worker count. Cancellation stops every
/// chain between model evaluations and keeps what was drawn.
/// </summary>
internal static class PosteriorSampler
{
    /// <summary>Iterations a chain runs between progress reports; small, so Ctrl-C and the progress bar are prompt.</summary>
    private const int Block = 10;

    /// <param name="seed">The calibration's experiment seed for its chains (<see cref="SeedSequence.ExperimentSeed"/>).</param>
    /// <param name="onBlock">Called on the calling thread after each block with the iterations done over all chains.</param>
    public static IReadOnlyList<PosteriorChain> Run(PosteriorProblem problem, int chains, int warmup, int draws, ulong seed, int workers,
        Action<int>? onBlock = null, CancellationToken cancel = default)
    {
        var starts = problem.Space.Starts(chains, SeedSequence.For(seed, SeedSequence.Stream.CalibrationChains));
        var states = Enumerable.Range(0, chains)
            .Select(k => new ChainState(problem, k, starts[k], warmup, draws, SeedSequence.ForChunk(seed, SeedSequence.Stream.CalibrationChains, k)))
            .ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) };
        while (!cancel.IsCancellationRequested && states.Any(s => !s.Done))
        {
            Parallel.For(0, chains, options, k => states[k].Advance(Block, cancel));
            if (!cancel.IsCancellationRequested)
                AdaptiveMetropolis.Share(states.Select(s => s.Sampler).OfType<AdaptiveMetropolis>().ToList());
            onBlock?.Invoke(states.Sum(s => s.Iterations));
        }
        return states.Select(s => s.Result()).ToList();
    }

    /// <summary>
    /// A chain while it runs: the sampler over the parameters (error scales integrated out), the model means and
    /// likelihood at its current point, and the draws kept, each completed by its error scales' draw.
    /// </summary>
    private sealed class ChainState(PosteriorProblem problem, int chain, double[] start, int warmup, int draws, RandomStream random)
    {
        private readonly List<double[]> _draws = [];
        private readonly List<double> _logLikelihood = [];
        private readonly List<double> _logPosterior = [];
        private AdaptiveMetropolis? _sampler;
        private double[] _values = [];
        private double[] _means = [];
        private int _evaluations;

        public int Iterations => _sampler?.Iteration ?? 0;

        public AdaptiveMetropolis? Sampler => _sampler;

        public bool Done => Iterations >= warmup + draws;

        public void Advance(int iterations, CancellationToken cancel)
        {
            var space = problem.Space;
            if (_sampler is null)
            {
                if (cancel.IsCancellationRequested) return;
                var z0 = space.ToCoordinates(start).Select(z => double.IsFinite(z) ? z : Math.Clamp(z, -20, 20)).ToArray();
                _values = space.ToValues(z0);
                var (target, means) = Evaluate(z0, _values);
                _means = means;
                _sampler = new AdaptiveMetropolis(z0, target, space.InitialSteps(), warmup, random) { SharesCovariance = true };
            }
            for (var i = 0; i < iterations && !Done; i++)
            {
                // Stop between evaluations, never inside one: every draw kept is whole.
                if (cancel.IsCancellationRequested) return;
                var z = _sampler.Propose();
                var values = space.ToValues(z);
                var (target, means) = Evaluate(z, values);
                if (_sampler.Decide(z, target))
                {
                    _values = values;
                    _means = means;
                }
                // The iteration just done was past warmup: keep where the chain now is, with a draw of its error scales.
                if (_sampler.Iteration > warmup) Keep();
            }
        }

        private void Keep()
        {
            var observations = problem.Observations;
            var uniforms = observations.Scales.Select(_ => random.NextUnit()).ToArray();
            var sigmas = _means.Length == 0 ? observations.Scales.Select(s => s.Min).ToArray() : observations.DrawScales(_means, uniforms);
            double[] values = [.. _values, .. sigmas];
            var logLikelihood = _means.Length == 0 ? double.NegativeInfinity : observations.LogLikelihood(_means, sigmas);
            _draws.Add(values);
            _logLikelihood.Add(logLikelihood);
            _logPosterior.Add(problem.Space.LogPrior(values) + logLikelihood);
        }

        /// <summary>The target density at chain coordinates <paramref name="z"/> and the model means there; the model is not run where the prior is zero.</summary>
        private (double Target, double[] Means) Evaluate(double[] z, double[] values)
        {
            var prior = problem.Space.LogPriorOfCoordinates(z);
            if (!double.IsFinite(prior)) return (double.NegativeInfinity, []);
            _evaluations++;
            var means = problem.Means(values);
            return (prior + problem.Observations.MarginalLogLikelihood(means), means);
        }

        public PosteriorChain Result() => new(chain, _draws, _logLikelihood, _logPosterior, start, Iterations, _evaluations,
            _sampler?.Acceptance ?? double.NaN, _sampler?.Scale ?? double.NaN);
    }
}
