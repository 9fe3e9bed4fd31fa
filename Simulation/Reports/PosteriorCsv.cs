using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// The data files of a posterior calibration folder: posterior.csv (every retained draw), summary.csv
/// (each quantity's prior, posterior summary and convergence), fit.csv (each observation with its
/// information check and posterior predictive), correlation.csv, profile.csv and predictive.csv.
/// </summary>
internal static class PosteriorCsv
{
    public static IReadOnlyList<string> SummaryHeader { get; } =
        ["quantity", "kind", "min", "max", "log", "prior", "mean", "median", "sd", "q025", "q975", "rhat", "ess_bulk", "ess_tail"];

    public static IReadOnlyList<string> FitHeader { get; } =
    [
        "label", "metric", "step", "date", "value", "se", "weight", "error_scale", "informative", "model_low", "model_median", "model_high",
        "predictive_low", "predictive_median", "predictive_high",
    ];

    public static IReadOnlyList<string> ProfileHeader { get; } = ["parameter", "value", "log_likelihood", "relative", "evaluations"];

    public static IReadOnlyList<string> PredictiveHeader { get; } = ["metric", "step", "date", "median", "low", "high"];

    public static IReadOnlyList<string> PosteriorHeader(IEnumerable<string> quantities) => ["chain", "draw", .. quantities, "log_likelihood", "log_posterior"];

    /// <summary>One row per retained draw, chain by chain (both numbered from 1), each quantity on its parameter scale.</summary>
    public static void WritePosterior(string path, PosteriorResult result) =>
        CsvTable.Write(path, PosteriorHeader(result.Space.Quantities.Select(q => q.Name)), result.Chains.SelectMany(chain =>
            chain.Draws.Select((draw, i) => (IReadOnlyList<string>)
            [
                CsvText.Integer(chain.Chain + 1), CsvText.Integer(i + 1), .. draw.Select(CsvText.Number),
                Finite(chain.LogLikelihood[i]), Finite(chain.LogPosterior[i]),
            ])));

    public static void WriteSummary(string path, PosteriorResult result) =>
        CsvTable.Write(path, SummaryHeader, result.Space.Quantities.Select((q, k) =>
        {
            var s = result.Summaries[k];
            var c = result.Convergence[k];
            return (IReadOnlyList<string>)
            [
                q.Name, q.IsErrorScale ? "error_scale" : "parameter", CsvText.Number(q.Min), CsvText.Number(q.Max), q.Log ? "true" : "false",
                q.Prior.Describe(), CsvText.Number(s.Mean), CsvText.Number(s.Median), CsvText.Number(s.Sd), CsvText.Number(s.Low), CsvText.Number(s.High),
                CsvText.Number(c.Rhat), CsvText.Number(c.BulkEss), CsvText.Number(c.TailEss),
            ];
        }));

    public static void WriteFit(string path, PosteriorResult result) =>
        CsvTable.Write(path, FitHeader, result.Observations.Targets.Select((t, i) =>
        {
            var information = result.Information?[i];
            var p = result.Predictive?.Observations[i];
            return (IReadOnlyList<string>)
            [
                t.Label, t.Metric.Name, CsvText.Integer(t.Step), CsvText.Date(t.Date), CsvText.Number(t.Value), CsvText.Number(t.Se ?? double.NaN),
                t.Se is null ? CsvText.Number(t.Weight) : "", result.Observations.ScaleOf(i)?.Name ?? "",
                information is null ? "" : information.Informative ? "true" : "false",
                N(p?.ModelLow), N(p?.ModelMedian), N(p?.ModelHigh), N(p?.PredictiveLow), N(p?.PredictiveMedian), N(p?.PredictiveHigh),
            ];
        }));

    /// <summary>The correlation matrix: a row per quantity, a column per quantity, each on its own scale (log for a log-scale one).</summary>
    public static void WriteCorrelation(string path, PosteriorResult result)
    {
        var names = result.Space.Quantities.Select(q => q.Name).ToList();
        CsvTable.Write(path, ["quantity", .. names], names.Select((name, i) =>
            (IReadOnlyList<string>)[name, .. names.Select((_, j) => CsvText.Number(result.Correlation[i, j]))]));
    }

    /// <summary>The profile points, with each log-likelihood also relative to the largest over all of them.</summary>
    public static void WriteProfile(string path, PosteriorResult result)
    {
        var best = result.Profile.Select(p => p.LogLikelihood).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        CsvTable.Write(path, ProfileHeader, result.Profile.Select(p => (IReadOnlyList<string>)
        [
            result.Space.Quantities[p.Parameter].Name, CsvText.Number(p.Value), Finite(p.LogLikelihood), Finite(p.LogLikelihood - best),
            CsvText.Integer(p.Evaluations),
        ]));
    }

    public static void WritePredictive(string path, PosteriorPredictive predictive, TimeSettings time) =>
        CsvTable.Write(path, PredictiveHeader, predictive.Bands.SelectMany(b => b.Steps.Select((step, i) => (IReadOnlyList<string>)
        [
            b.Metric, CsvText.Integer(step), CsvText.Date(ScenarioSchedule.DateOf(time, step)), CsvText.Number(b.Median[i]),
            CsvText.Number(b.Low[i]), CsvText.Number(b.High[i]),
        ])));

    private static string N(double? value) => CsvText.Number(value ?? double.NaN);

    /// <summary>A log density: minus infinity (a point outside the prior's support) is written empty, like an undefined value.</summary>
    private static string Finite(double value) => double.IsFinite(value) ? CsvText.Number(value) : "";
}
