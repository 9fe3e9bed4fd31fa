using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// Fits the calibrate parameters by Nelder-Mead (MathNet.Numerics) in the logistic space of
/// <see cref="CalibrationSpace"/>, from several starts sharing one budget of loss evaluations:
/// the first from the scenario's own values, the rest from a seeded Latin hypercube over the
/// bounds. Each start gets an equal share of what is left, so a start that converges early
/// passes its unused evaluations on. The best vector over all starts wins.
/// </summary>
internal static class Calibrator
{
    // A stand-in loss for invalid vectors: finite, so the simplex arithmetic stays defined, and far above any real loss.
    private const double Invalid = 1e100;

    public static CalibrationResult Fit(CalibrationObjective objective, Action<CalibrationEvaluation>? onEvaluation = null,
        CancellationToken cancel = default)
    {
        var settings = objective.Scenario.Calibrate!;
        var parameters = objective.Parameters;
        var trace = new List<CalibrationEvaluation>();
        var starts = StartingPoints(objective);
        var interrupted = false;
        var bestIndex = -1;

        CalibrationEvaluation Record(int? start, double[] values)
        {
            var (loss, means) = objective.Evaluate(values);
            var evaluation = new CalibrationEvaluation(trace.Count, start, values, loss, means);
            trace.Add(evaluation);
            if (start is not null && (bestIndex < 0 || loss < trace[bestIndex].Loss))
                bestIndex = evaluation.Index;
            onEvaluation?.Invoke(evaluation);
            return evaluation;
        }

        for (var s = 0; s < starts.Count && !interrupted; s++)
        {
            var left = settings.Budget - trace.Count;
            var share = left / (starts.Count - s);
            if (share < parameters.Count + 1)
                break;
            var used = 0;
            var function = ObjectiveFunction.Value(z =>
            {
                // Stop between evaluations, never inside one: what is recorded is whole.
                if (cancel.IsCancellationRequested) throw new SearchStopped(interrupted: true);
                if (used >= share) throw new SearchStopped(interrupted: false);
                used++;
                var loss = Record(s, CalibrationSpace.ToValues(parameters, z.ToArray())).Loss;
                return double.IsFinite(loss) ? loss : Invalid;
            });
            var simplex = new NelderMeadSimplex(1e-10, share + 1);
            try
            {
                simplex.FindMinimum(function, Vector<double>.Build.DenseOfArray(starts[s]),
                    Vector<double>.Build.Dense(parameters.Count, 0.5));
            }
            catch (SearchStopped stopped)
            {
                interrupted = stopped.Interrupted;
            }
            catch (MaximumIterationsException)
            {
                // Its own count ran out first: the start has had its share.
            }
        }

        if (bestIndex < 0)
        {
            // Interrupted before the first evaluation: report the scenario's own values, unevaluated.
            var own = CalibrationSpace.ToValues(parameters, starts[0]);
            return Result(objective, own, double.NaN, new double[objective.Targets.Count].Select(_ => double.NaN).ToArray(), 0, 0, trace, [], true);
        }
        var best = trace[bestIndex];
        var searchCount = trace.Count;
        IReadOnlyList<ParameterUncertainty> uncertainty = [];
        if (!interrupted && double.IsFinite(best.Loss))
        {
            uncertainty = CalibrationUncertainty.Estimate(parameters, best.Values, best.Loss, objective.Targets.Count,
                values => Record(null, values).Loss);
        }
        return Result(objective, best.Values, best.Loss, best.Means, best.Start ?? 0, searchCount, trace, uncertainty, interrupted);
    }

    /// <summary>Start 0 at the scenario's own values (clamped inside the bounds), the others from a Latin hypercube.</summary>
    public static IReadOnlyList<double[]> StartingPoints(CalibrationObjective objective)
    {
        var parameters = objective.Parameters;
        var settings = objective.Scenario.Calibrate!;
        var first = parameters.Select(p =>
        {
            var own = Scenarios.ScenarioValues.Number(objective.Scenario, p.Path) ?? 0.5 * ((p.Min ?? 0) + (p.Max ?? 1));
            return CalibrationSpace.ToZ(p, own);
        }).ToArray();
        var points = new List<double[]> { first };
        if (settings.Starts > 1)
        {
            // Their own stream of the master seed, apart from every run's.
            var seed = SeedSequence.ExperimentSeed(objective.Scenario.Seed, SeedSequence.Stream.CalibrationStarts);
            var design = LatinHypercube.Sample(settings.Starts - 1, parameters.Count, seed);
            points.AddRange(design.Select(u => u.Select(CalibrationSpace.ToZFromUnit).ToArray()));
        }
        return points;
    }

    private static CalibrationResult Result(CalibrationObjective objective, IReadOnlyList<double> values, double loss, IReadOnlyList<double> means,
        int bestStart, int searchCount, IReadOnlyList<CalibrationEvaluation> trace, IReadOnlyList<ParameterUncertainty> uncertainty, bool interrupted) => new()
        {
            Parameters = objective.Parameters,
            Values = values,
            Loss = loss,
            FittedMeans = means,
            BestStart = bestStart,
            SearchEvaluations = searchCount,
            Budget = objective.Scenario.Calibrate!.Budget,
            Starts = objective.Scenario.Calibrate.Starts,
            Trace = trace,
            Uncertainty = uncertainty,
            Interrupted = interrupted,
        };

    private sealed class SearchStopped(bool interrupted) : Exception
    {
        public bool Interrupted { get; } = interrupted;
    }
}
