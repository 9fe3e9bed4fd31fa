using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Scenarios;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// Bisection for the parameter value at which a metric's replicated mean crosses a level. It starts
/// from the bounds (evaluations 0 and 1); when both means lie on the same side of the level there is
/// no bracket and the search stops there. Otherwise it halves the bracket until it is no wider than
/// the tolerance or the evaluations run out. The threshold is the linear interpolation of the two
/// bracket-end means; its 95% interval is a percentile bootstrap that resamples the replications at
/// each bracket end (independently) and re-interpolates, so it carries the sampling noise of both
/// means. Bisection assumes the mean is monotone in the parameter between the bounds.
/// </summary>
internal static class ThresholdSearch
{
    public const int Resamples = 2000;

    /// <param name="settings">Level, tolerance and evaluation budget.</param>
    /// <param name="min">Lower bound of the parameter.</param>
    /// <param name="max">Upper bound of the parameter.</param>
    /// <param name="evaluate">Runs the replications at (evaluation index, parameter value) and returns the metric of
    /// each (NaN for a failed run), or the problems of the scenario at that value, which end the search.</param>
    /// <param name="seed">Seed of the bootstrap draws (the master seed does).</param>
    public static Outcome<ThresholdResult> Run(ThresholdSettings settings, double min, double max,
        Func<int, double, Outcome<IReadOnlyList<double>>> evaluate, ulong seed)
    {
        var evaluations = new List<ThresholdEvaluation>();
        // The first evaluation whose scenario is invalid stops the search with its problems.
        IReadOnlyList<string> problems = [];
        ThresholdEvaluation? Evaluate(double value)
        {
            var outcome = evaluate(evaluations.Count, value);
            if (!outcome.Ok)
            {
                problems = outcome.Problems;
                return null;
            }
            var finite = outcome.Value.Where(double.IsFinite).ToArray();
            var e = new ThresholdEvaluation(evaluations.Count, value, SampleStatistics.Of(finite, SummaryMetrics.DomainOf(settings.Metric)), finite);
            evaluations.Add(e);
            return e;
        }

        if (Evaluate(min) is not { } lo || Evaluate(max) is not { } hi) return Outcome<ThresholdResult>.Failure(problems);
        double Side(ThresholdEvaluation e) => Math.Sign(e.Statistics.Mean - settings.Level);
        if (double.IsNaN(lo.Statistics.Mean) || double.IsNaN(hi.Statistics.Mean) || Side(lo) * Side(hi) > 0)
            return Outcome<ThresholdResult>.Success(new ThresholdResult(evaluations, false, double.NaN, new IndexEstimate(double.NaN, double.NaN, double.NaN), lo, hi));
        while (hi.Value - lo.Value > settings.Tolerance && evaluations.Count < settings.MaxEvaluations && Side(lo) != 0)
        {
            if (Evaluate(lo.Value + (hi.Value - lo.Value) / 2) is not { } mid) return Outcome<ThresholdResult>.Failure(problems);
            if (double.IsNaN(mid.Statistics.Mean)) break;
            if (Side(mid) == Side(lo)) lo = mid;
            else hi = mid;
        }
        var threshold = Crossing(settings.Level, lo.Value, lo.Statistics.Mean, hi.Value, hi.Statistics.Mean);
        return Outcome<ThresholdResult>.Success(new ThresholdResult(evaluations, true, threshold, Interval(settings.Level, lo, hi, threshold, seed), lo, hi));
    }

    /// <summary>Where the line through (x0, y0) and (x1, y1) reaches the level; x0 when the means are equal (both on the level).</summary>
    public static double Crossing(double level, double x0, double y0, double x1, double y1) =>
        y1 == y0 ? x0 : x0 + (level - y0) / (y1 - y0) * (x1 - x0);

    private static IndexEstimate Interval(double level, ThresholdEvaluation lo, ThresholdEvaluation hi, double threshold, ulong seed)
    {
        // With one replication at an end there is nothing to resample.
        if (lo.Values.Count < 2 || hi.Values.Count < 2) return new IndexEstimate(threshold, double.NaN, double.NaN);
        var rng = Bootstrap.Stream(seed);
        var (a, b) = (new int[lo.Values.Count], new int[hi.Values.Count]);
        var draws = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            Bootstrap.Resample(rng, a.Length, a);
            Bootstrap.Resample(rng, b.Length, b);
            var y0 = a.Average(i => lo.Values[i]);
            var y1 = b.Average(i => hi.Values[i]);
            // Equal resampled means give no line to the level: that draw says nothing, so it is left out (NaN).
            draws[r] = y0 == y1 ? double.NaN : Crossing(level, lo.Value, y0, hi.Value, y1);
        }
        return Bootstrap.Interval(threshold, draws);
    }
}

/// <summary>One evaluation: the parameter value, the metric's statistics over its completed replications, and their values.</summary>
internal sealed record ThresholdEvaluation(int Index, double Value, SampleStatistics Statistics, IReadOnlyList<double> Values);

/// <summary>The evaluations in order, whether the bounds bracket the level, the threshold with its 95% interval, and the final bracket.</summary>
internal sealed record ThresholdResult(IReadOnlyList<ThresholdEvaluation> Evaluations, bool Bracketed, double Threshold,
    IndexEstimate Interval, ThresholdEvaluation Low, ThresholdEvaluation High);
