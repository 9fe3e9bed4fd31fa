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
    public static IReadOnlyList<TableField> SummaryFields { get; } =
    [
        TableField.Text("quantity", "the sampled quantity: a fitted scenario key, or sigma_METRIC, the error scale of the observations of a metric without se"),
        TableField.Text("kind", "parameter (a scenario key) or error_scale") with { Values = ["parameter", "error_scale"] },
        TableField.Number("min", "lower end of the prior's range"),
        TableField.Number("max", "upper end of the prior's range"),
        TableField.Boolean("log", "true when the quantity is sampled on the logarithm of its value"),
        TableField.Text("prior", "the prior, in words (uniform, log-uniform, normal or beta, on the range)"),
        TableField.Number("mean", "posterior mean over the pooled draws of every chain"),
        TableField.Number("median", "posterior median"),
        TableField.Number("sd", "posterior standard deviation"),
        TableField.Number("q025", "2.5% quantile: lower end of the 95% credible interval"),
        TableField.Number("q975", "97.5% quantile: upper end of the 95% credible interval"),
        TableField.Number("rhat", "split R-hat, rank-normalised and folded (converged below 1.01); empty when undefined"),
        TableField.Number("ess_bulk", "bulk effective sample size (converged at 400 or more)", "draws"),
        TableField.Number("ess_tail", "tail effective sample size (of the 5% and 95% quantiles)", "draws"),
    ];

    public static IReadOnlyList<TableField> FitFields { get; } =
    [
        TableField.Text("label", "the observation's label in the scenario or data file"),
        TableField.Text("metric", "the observed time-series metric (docs/ODD.md, Observation)"),
        TableField.Integer("step", "the step the observation is placed at"),
        TableField.Date("date", "that step's date"),
        TableField.Number("value", "the observed value"),
        TableField.Number("se", "its standard error, when given; empty when an error scale stands in"),
        TableField.Number("weight", "its weight on the error scale (sd = sigma / sqrt(weight)), when it has no se"),
        TableField.Text("error_scale", "the sampled error scale (sigma_METRIC) of an observation without se; empty when it has one"),
        TableField.Boolean("informative", "false when the model gives the same value at every point of the identifiability check (the observation carries no information); empty when the check did not run"),
        TableField.Number("model_low", "2.5% quantile of the model's value over the posterior predictive draws"),
        TableField.Number("model_median", "median of the model's value over the posterior predictive draws"),
        TableField.Number("model_high", "97.5% quantile of the model's value"),
        TableField.Number("predictive_low", "2.5% quantile of a new observation (model plus observation error, kept in the metric's domain)"),
        TableField.Number("predictive_median", "median of a new observation"),
        TableField.Number("predictive_high", "97.5% quantile of a new observation"),
    ];

    public static IReadOnlyList<TableField> ProfileFields { get; } =
    [
        TableField.Text("parameter", "the profiled parameter"),
        TableField.Number("value", "the value it is held at"),
        TableField.Number("log_likelihood", "the largest log-likelihood found over the other quantities, with this one held; empty when none was finite"),
        TableField.Number("relative", "that log-likelihood minus the largest over the whole profile (0 at the best point; -1.92 bounds an approximate 95% interval)"),
        TableField.Integer("evaluations", "model evaluations spent on this point", "evaluations"),
    ];

    public static IReadOnlyList<TableField> PredictiveFields { get; } =
    [
        TableField.Text("metric", "an observed metric"),
        TableField.Integer("step", "the step"),
        TableField.Date("date", "its date"),
        TableField.Number("median", "median of the model's value over the posterior predictive draws"),
        TableField.Number("low", "its 2.5% quantile"),
        TableField.Number("high", "its 97.5% quantile"),
    ];

    /// <summary>The columns of posterior.csv: chain and draw, each sampled quantity, the log-likelihood and log-posterior.</summary>
    public static IReadOnlyList<TableField> PosteriorFields(IEnumerable<string> quantities) =>
    [
        TableField.Integer("chain", "the chain, numbered from 1"),
        TableField.Integer("draw", "the draw after warmup within its chain, numbered from 1"),
        .. quantities.Select(q => TableField.Number(q, $"{q} at this draw, on its own scale")),
        TableField.Number("log_likelihood", "log-likelihood of the observations at this draw, its error scales included; empty where the model gives no finite value"),
        TableField.Number("log_posterior", "log-likelihood plus the log prior density of every quantity on its own scale"),
    ];

    /// <summary>The columns of correlation.csv: the row's quantity, then its correlation with each quantity.</summary>
    public static IReadOnlyList<TableField> CorrelationFields(IEnumerable<string> quantities) =>
    [
        TableField.Text("quantity", "the row's quantity"),
        .. quantities.Select(q => TableField.Bounded(TableField.Number(q, $"posterior correlation of the row's quantity with {q} (each on its own scale, log for a log-scale one)"),
            new Core.ValueDomain("correlation", -1, 1))),
    ];

    public static IReadOnlyList<string> SummaryHeader { get; } = SummaryFields.Select(f => f.Name).ToList();

    public static IReadOnlyList<string> FitHeader { get; } = FitFields.Select(f => f.Name).ToList();

    public static IReadOnlyList<string> ProfileHeader { get; } = ProfileFields.Select(f => f.Name).ToList();

    public static IReadOnlyList<string> PredictiveHeader { get; } = PredictiveFields.Select(f => f.Name).ToList();

    public static IReadOnlyList<string> PosteriorHeader(IEnumerable<string> quantities) => PosteriorFields(quantities).Select(f => f.Name).ToList();

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
        CsvTable.Write(path, CorrelationFields(names).Select(f => f.Name).ToList(), names.Select((name, i) =>
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
