using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// Runs the chains of a posterior: each an <see cref="AdaptiveMetropolis"/> chain in logit space with a
/// stream of its own (chunk k of <see cref="SeedSequence.Stream.CalibrationChains"/>), started at its
/// point of a Latin hypercube over the priors. Chains advance in blocks of iterations, up to
/// <c>workers</c> chains at a time; a chain depends on its own stream alone, so the draws are the same
/// for any worker count. Cancellation stops every chain between model evaluations and keeps what was drawn.
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
            onBlock?.Invoke(states.Sum(s => s.Iterations));
        }
        return states.Select(s => s.Result()).ToList();
    }

    /// <summary>A chain while it runs: the sampler, the likelihood at its current point, and the draws kept.</summary>
    private sealed class ChainState(PosteriorProblem problem, int chain, double[] start, int warmup, int draws, RandomStream random)
    {
        private readonly List<double[]> _draws = [];
        private readonly List<double> _logLikelihood = [];
        private readonly List<double> _logPosterior = [];
        private AdaptiveMetropolis? _sampler;
        private double[] _values = [];
        private double _currentLogLikelihood;
        private int _evaluations;

        public int Iterations => _sampler?.Iteration ?? 0;

        public bool Done => Iterations >= warmup + draws;

        public void Advance(int iterations, CancellationToken cancel)
        {
            if (_sampler is null)
            {
                if (cancel.IsCancellationRequested) return;
                var z0 = problem.Space.ToZ(start).Select(z => double.IsFinite(z) ? z : Math.Clamp(z, -20, 20)).ToArray();
                _values = problem.Space.ToValues(z0);
                var (target, logLikelihood) = Evaluate(z0, _values);
                _currentLogLikelihood = logLikelihood;
                _sampler = new AdaptiveMetropolis(z0, target, Enumerable.Repeat(PosteriorSpace.InitialStep, z0.Length).ToArray(), warmup, random);
            }
            for (var i = 0; i < iterations && !Done; i++)
            {
                // Stop between evaluations, never inside one: every draw kept is whole.
                if (cancel.IsCancellationRequested) return;
                var z = _sampler.Propose();
                var values = problem.Space.ToValues(z);
                var (target, logLikelihood) = Evaluate(z, values);
                if (_sampler.Decide(z, target))
                {
                    _values = values;
                    _currentLogLikelihood = logLikelihood;
                }
                // The iteration just done was past warmup: keep where the chain now is.
                if (_sampler.Iteration > warmup)
                {
                    _draws.Add(_values);
                    _logLikelihood.Add(_currentLogLikelihood);
                    _logPosterior.Add(problem.Space.LogPrior(_values) + _currentLogLikelihood);
                }
            }
        }

        /// <summary>The target density in logit space at <paramref name="z"/> and the log-likelihood; the model is not run where the prior is zero.</summary>
        private (double Target, double LogLikelihood) Evaluate(double[] z, double[] values)
        {
            var prior = problem.Space.LogPriorOfLogit(z);
            if (!double.IsFinite(prior)) return (double.NegativeInfinity, double.NegativeInfinity);
            _evaluations++;
            var logLikelihood = problem.LogLikelihood(values);
            return (prior + logLikelihood, logLikelihood);
        }

        public PosteriorChain Result() => new(chain, _draws, _logLikelihood, _logPosterior, start, Iterations, _evaluations,
            _sampler?.Acceptance ?? double.NaN, _sampler?.Scale ?? double.NaN);
    }
}
