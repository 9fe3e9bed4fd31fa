using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>
/// The page of a posterior calibration: each quantity's credible interval and convergence, what the observations
/// determine (informative observations, ridges), each observation against its posterior predictive band, the charts.
/// </summary>
internal static class PosteriorPage
{
    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        var posterior = manifest.Posterior ?? throw new ArgumentException("not a posterior calibration", nameof(source));
        var summary = CsvRows.Read(source.PathOf(PosteriorFolder.SummaryFile), PosteriorCsv.SummaryHeader);
        var fit = CsvRows.Read(source.PathOf(PosteriorFolder.FitFile), PosteriorCsv.FitHeader);
        var facts = new List<string>
        {
            ReportPages.Counted(summary.Rows.Count, "sampled quantity", "sampled quantities"),
            posterior.InformativeObservations is { } informative
                ? $"{ReportNumbers.Count(informative)} of {ReportPages.Counted(posterior.Observations, "observation")} informative"
                : ReportPages.Counted(posterior.Observations, "observation"),
            $"{ReportPages.Counted(posterior.Chains, "chain")} × {ReportNumbers.Count(posterior.DrawsUsed)} draws",
            posterior.MaxRhat is { } rhat ? $"max R-hat {rhat.ToString("0.000", CultureInfo.InvariantCulture)}" : "R-hat undefined",
            posterior.MinBulkEss is { } ess ? $"min bulk ESS {ReportNumbers.Count((long)Math.Floor(ess))}" : "ESS undefined",
            $"{ReportNumbers.Count(posterior.Evaluations)} model evaluations",
            $"ended {ProvenanceFacts.Time(manifest.EndedUtc)}",
        };
        var notes = new List<string>
        {
            $"Each chain adapted its proposal for {ReportNumbers.Count(posterior.Warmup)} iterations (discarded) and then kept its draws; " +
            "the summaries pool every chain. Converged means every quantity has split R-hat below 1.01 and a bulk effective sample size of at least 400.",
            $"Each evaluation is the model's mean over {ReportPages.Counted(posterior.ReplicationsPerEvaluation, "replication")} " +
            "with the same seeds at every parameter value (common random numbers).",
        };
        if (posterior.Ridges.Count > 0)
        {
            notes.Add("Ridges (posterior correlation above 0.9 in size): " + string.Join("; ", posterior.Ridges.Select(r =>
                $"{r.First} and {r.Second} (r = {r.Correlation.ToString("0.00", CultureInfo.InvariantCulture)})")) +
                ". The observations fix a combination of these, not each one: read their intervals together, as the corner chart shows.");
        }
        var tables = new List<ReportTable> { QuantitiesTable(summary), FitTable(fit) };
        return ReportPages.Page(source, "Posterior calibration", manifest.ScenarioName, facts, notes, tables, RunFolder.ScenarioFile);
    }

    private static ReportTable QuantitiesTable(CsvRows summary)
    {
        int Column(string name) => summary.Column(name);
        var rows = summary.Rows.Select(r => (IReadOnlyList<string>)
        [
            r[Column("quantity")], r[Column("prior")], CsvRows.Formatted(r, Column("mean")), CsvRows.Formatted(r, Column("median")),
            ReportNumbers.Interval(CsvRows.Number(r, Column("q025")), CsvRows.Number(r, Column("q975"))),
            CsvRows.Number(r, Column("rhat")) is var rhat && double.IsFinite(rhat) ? rhat.ToString("0.000", CultureInfo.InvariantCulture) : "undefined",
            CsvRows.Number(r, Column("ess_bulk")) is var ess && double.IsFinite(ess) ? ReportNumbers.Count((long)Math.Floor(ess)) : "undefined",
        ]).ToList();
        return ReportTable.Whole("quantities", "Posterior of each quantity",
            "Posterior mean, median and 95% credible interval (2.5% and 97.5% quantiles of the pooled draws) beside the prior and its range: an interval " +
            "nearly as wide as that range means the observations say little about that quantity. From summary.csv.",
            [new("quantity"), new("prior"), ReportColumn.Number("mean"), ReportColumn.Number("median"), ReportColumn.Number("95% credible interval"),
                ReportColumn.Number("R-hat"), ReportColumn.Number("bulk ESS")],
            rows);
    }

    private static ReportTable FitTable(CsvRows fit)
    {
        int Column(string name) => fit.Column(name);
        var rows = fit.Rows.Select((r, i) => (IReadOnlyList<string>)
        [
            r[Column("label")].Length > 0 ? r[Column("label")] : $"#{(i + 1).ToString(CultureInfo.InvariantCulture)}",
            r[Column("date")], r[Column("metric")], CsvRows.Formatted(r, Column("value")), r[Column("informative")] switch { "true" => "yes", "false" => "no", _ => "not checked" },
            CsvRows.Formatted(r, Column("predictive_median")),
            ReportNumbers.Interval(CsvRows.Number(r, Column("predictive_low")), CsvRows.Number(r, Column("predictive_high"))),
        ]).ToList();
        return ReportTable.Whole("fit", "Observations and the posterior predictive",
            "Each observation, whether the model's value for it moves at all across the prior (an uninformative one carries no information about the " +
            "parameters), and the posterior predictive median with its 95% band (model and observation error, kept inside the metric's domain). From fit.csv.",
            [new("observation"), new("date"), new("metric"), ReportColumn.Number("observed"), new("informative"),
                ReportColumn.Number("predictive median"), ReportColumn.Number("95% predictive band")],
            rows);
    }
}
