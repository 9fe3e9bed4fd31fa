using System.Globalization;
using Spectre.Console;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>The closing report of <c>calibrate</c>: fitted values with uncertainty, and each observation against the fit.</summary>
internal static class CalibrationReport
{
    public static void Print(IAnsiConsole console, Scenario scenario, IReadOnlyList<CalibrationTarget> targets, CalibrationResult result, string folder)
    {
        console.Print($"{scenario.Name}: loss {Format(result.Loss)} after {result.SearchEvaluations} of {result.Budget} evaluations " +
                      $"({result.Starts} starts; best from start {result.BestStart + 1}); written to {folder}");
        var parameters = new Table().Border(TableBorder.Simple)
            .AddColumn("parameter").AddColumn(new TableColumn("fitted").RightAligned())
            .AddColumn(new TableColumn("bounds").RightAligned()).AddColumn(new TableColumn("uncertainty").RightAligned());
        for (var k = 0; k < result.Parameters.Count; k++)
        {
            var p = result.Parameters[k];
            var u = k < result.Uncertainty.Count ? result.Uncertainty[k] : null;
            var text = u switch
            {
                { Se: { } se } => $"se {Format(se)}",
                { ProfileBelow: { } low, ProfileAbove: { } high } => $"loss {Format(low)} / {Format(high)} at -/+10% of range",
                _ => "",
            };
            parameters.AddRow(Markup.Escape(p.Path), Format(result.Values[k]), Markup.Escape($"[{Format(p.Min ?? 0)}, {Format(p.Max ?? 0)}]{(p.Log ? " log" : "")}"), Markup.Escape(text));
        }
        console.Write(parameters);
        var fit = new Table().Border(TableBorder.Simple)
            .AddColumn("observation").AddColumn("date").AddColumn("metric")
            .AddColumn(new TableColumn("observed").RightAligned()).AddColumn(new TableColumn("fitted").RightAligned());
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            fit.AddRow(Markup.Escape(t.Label.Length > 0 ? t.Label : $"#{i + 1}"), $"{t.Date:yyyy-MM-dd} (step {t.Step})", t.Metric.Name,
                Format(t.Value), Format(result.FittedMeans[i]));
        }
        console.Write(fit);
        console.Print($"Files: fit.csv, trace.csv, fitted.yaml, charts/ in {folder}");
    }

    private static string Format(double x) =>
        double.IsNaN(x) ? "-" : Math.Abs(x) >= 1e5 || (x != 0 && Math.Abs(x) < 1e-3) ? x.ToString("0.###e+0", CultureInfo.InvariantCulture) : x.ToString("0.####", CultureInfo.InvariantCulture);
}
