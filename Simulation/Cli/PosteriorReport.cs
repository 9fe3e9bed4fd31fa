using System.Globalization;
using Spectre.Console;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// The closing report of a posterior calibration: whether the chains converged (first, in words), each
/// quantity's prior, posterior and diagnostics, each observation against its posterior predictive, and
/// the warnings (identifiability, ridges, convergence).
/// </summary>
internal static class PosteriorReport
{
    public static void Print(IAnsiConsole console, Scenario scenario, PosteriorResult result, string folder)
    {
        var chains = result.Chains.Count;
        var verdict = result.Interrupted ? "INTERRUPTED: the draws are not a posterior"
            : result.Converged ? "converged"
            : "NOT CONVERGED: the draws are not a posterior";
        var rhat = result.Convergence.Select(c => c.Rhat).DefaultIfEmpty(double.NaN).Max();
        var ess = result.Convergence.Select(c => c.BulkEss).DefaultIfEmpty(double.NaN).Min();
        console.Print($"{scenario.Name}: posterior from {chains} chains x {result.Retained} draws after {result.Warmup} warmup " +
                      $"({result.Evaluations} model evaluations); {verdict} (largest R-hat {F(rhat, "0.000")}, smallest bulk ESS {F(ess, "0")}); written to {folder}");
        // Priors, means and sds are in summary.csv; the console keeps to what fits a terminal.
        var quantities = new Table().Border(TableBorder.Simple)
            .AddColumn("quantity").AddColumn(new TableColumn("median").RightAligned())
            .AddColumn(new TableColumn("95% interval").RightAligned()).AddColumn(new TableColumn("R-hat").RightAligned())
            .AddColumn(new TableColumn("ESS bulk").RightAligned()).AddColumn(new TableColumn("ESS tail").RightAligned());
        for (var k = 0; k < result.Space.Dimension; k++)
        {
            var q = result.Space.Quantities[k];
            var s = result.Summaries[k];
            var c = result.Convergence[k];
            quantities.AddRow(Markup.Escape(q.Name), N(s.Median), Markup.Escape($"[{N(s.Low)}, {N(s.High)}]"), F(c.Rhat, "0.000"), F(c.BulkEss, "0"), F(c.TailEss, "0"));
        }
        console.Write(quantities);

        var fit = new Table().Border(TableBorder.Simple)
            .AddColumn("observation").AddColumn(new TableColumn("step").RightAligned()).AddColumn(new TableColumn("observed").RightAligned())
            .AddColumn(new TableColumn("se").RightAligned()).AddColumn("informs").AddColumn(new TableColumn("predicted").RightAligned())
            .AddColumn(new TableColumn("95% predictive").RightAligned());
        var targets = result.Observations.Targets;
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var p = result.Predictive?.Observations[i];
            var informative = result.Information?[i] is { } info ? info.Informative ? "yes" : "no" : "-";
            fit.AddRow(Markup.Escape(t.Label.Length > 0 ? t.Label : $"{t.Metric.Name} #{i + 1}"), CsvStep(t.Step), N(t.Value),
                t.Se is { } se ? N(se) : "sigma", informative,
                p is null ? "-" : N(p.PredictiveMedian), p is null ? "-" : Markup.Escape($"[{N(p.PredictiveLow)}, {N(p.PredictiveHigh)}]"));
        }
        console.Write(fit);
        foreach (var warning in result.Warnings) console.Print($"warning: {warning}");
        var files = new List<string> { PosteriorFolder.PosteriorFile, PosteriorFolder.SummaryFile, PosteriorFolder.FitFile, PosteriorFolder.CorrelationFile };
        if (result.Profile.Count > 0) files.Add(PosteriorFolder.ProfileFile);
        if (result.Predictive is not null) files.Add(PosteriorFolder.PredictiveFile);
        console.Print($"Files: {string.Join(", ", files)}, scenario.yaml, charts/ in {folder}");
    }

    private static string CsvStep(int step) => step.ToString(CultureInfo.InvariantCulture);

    /// <summary>Four significant digits: more than a posterior summary carries, few enough for a terminal's width.</summary>
    private static string N(double x) =>
        double.IsNaN(x) ? "-" : Math.Abs(x) >= 1e5 || (x != 0 && Math.Abs(x) < 1e-3) ? x.ToString("0.###e+0", CultureInfo.InvariantCulture) : x.ToString("G4", CultureInfo.InvariantCulture);

    private static string F(double x, string format) => double.IsNaN(x) ? "-" : x.ToString(format, CultureInfo.InvariantCulture);
}
