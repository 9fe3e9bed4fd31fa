using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using TrustSim.Analysis;

namespace TrustSim.Experiments;

/// <summary>
/// The profile likelihood of each calibrated parameter: at evenly spread values across its range (on its
/// scale), the log-likelihood maximised over the other parameters with Nelder-Mead (MathNet.Numerics,
/// in the logit space) on a small budget, with each error scale at its best value. Each point starts
/// from the posterior draw of highest likelihood among those whose value of the parameter falls in that
/// point's share of the range (the best draw overall when none does): along a ridge that start is
/// already near the best the other parameters can do, which a small budget could not find from afar.
/// A profile that stays flat says the data do not fix that parameter even when the others are free to
/// adjust; with a small budget it is a lower bound of the true profile.
/// </summary>
internal static class ProfileLikelihood
{
    /// <param name="draws">Retained draws (parameters first) and their log-likelihoods, the starts' pool.</param>
    public static IReadOnlyList<ProfilePoint> Run(PosteriorProblem problem, IReadOnlyList<(double[] Values, double LogLikelihood)> draws, int points,
        int evaluations, int workers, CancellationToken cancel = default)
    {
        var space = problem.Space;
        var best = draws.MaxBy(d => d.LogLikelihood).Values;
        var jobs = Enumerable.Range(0, space.ParameterCount)
            .SelectMany(k => Enumerable.Range(0, points).Select(j => (Parameter: k, Value: ValueAt(space.Quantities[k], (j + 0.5) / points),
                Start: BestIn(draws, space.Quantities[k], k, (double)j / points, (j + 1.0) / points) ?? best)))
            .ToArray();
        var results = new ProfilePoint?[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i =>
        {
            if (!cancel.IsCancellationRequested) results[i] = Maximise(problem, jobs[i].Start, jobs[i].Parameter, jobs[i].Value, evaluations, cancel);
        });
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    private static double ValueAt(SampledQuantity q, double u) =>
        q.Log ? Math.Exp(Math.Log(q.Min) + u * (Math.Log(q.Max) - Math.Log(q.Min))) : q.Min + u * (q.Max - q.Min);

    /// <summary>The draw of highest likelihood whose parameter <paramref name="k"/> lies between positions <paramref name="from"/> and <paramref name="to"/> of its range; null when none does.</summary>
    private static double[]? BestIn(IReadOnlyList<(double[] Values, double LogLikelihood)> draws, SampledQuantity q, int k, double from, double to)
    {
        double low = ValueAt(q, from), high = ValueAt(q, to);
        var inside = draws.Where(d => d.Values[k] >= low && d.Values[k] <= high).ToList();
        return inside.Count == 0 ? null : inside.MaxBy(d => d.LogLikelihood).Values;
    }

    private static ProfilePoint Maximise(PosteriorProblem problem, IReadOnlyList<double> best, int fixedParameter, double value, int budget,
        CancellationToken cancel)
    {
        var space = problem.Space;
        var free = Enumerable.Range(0, space.ParameterCount).Where(k => k != fixedParameter).ToArray();
        var bestLogLikelihood = double.NegativeInfinity;
        var used = 0;
        double LogLikelihoodAt(IReadOnlyList<double> z)
        {
            var values = new double[space.ParameterCount];
            values[fixedParameter] = value;
            for (var f = 0; f < free.Length; f++)
            {
                var q = space.Quantities[free[f]];
                values[free[f]] = LogitScale.Value(z[f], q.Min, q.Max, q.Log);
            }
            used++;
            var logLikelihood = problem.Observations.ProfileLogLikelihood(problem.Means(values));
            bestLogLikelihood = Math.Max(bestLogLikelihood, logLikelihood);
            return logLikelihood;
        }

        var start = free.Select(k => LogitScale.Logit(best[k], space.Quantities[k].Min, space.Quantities[k].Max, space.Quantities[k].Log))
            .Select(z => double.IsFinite(z) ? z : Math.Clamp(z, -20, 20)).ToArray();
        LogLikelihoodAt(start);
        if (free.Length > 0 && budget > free.Length + 1)
        {
            var function = ObjectiveFunction.Value(z =>
            {
                // Stop between evaluations: the budget is spent, or Ctrl-C.
                if (used >= budget || cancel.IsCancellationRequested) throw new BudgetSpent();
                var l = LogLikelihoodAt(z.ToArray());
                // A finite stand-in for an invalid point keeps the simplex arithmetic defined.
                return double.IsFinite(l) ? -l : 1e100;
            });
            try
            {
                new NelderMeadSimplex(1e-8, budget + 1).FindMinimum(function, Vector<double>.Build.DenseOfArray(start),
                    Vector<double>.Build.Dense(free.Length, 0.5));
            }
            catch (BudgetSpent)
            {
                // The budget is what the profile may spend; the best point found stands.
            }
            catch (MaximumIterationsException)
            {
                // MathNet's own count ran out first.
            }
        }
        return new ProfilePoint(fixedParameter, value, bestLogLikelihood, used);
    }

    private sealed class BudgetSpent : Exception;
}
