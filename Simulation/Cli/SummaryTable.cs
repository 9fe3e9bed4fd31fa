using System.Globalization;
using Spectre.Console;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>The closing report of <c>run</c>: where the folder is and the summary metrics across replications.</summary>
internal static class SummaryTable
{
    private static readonly string[] Shown =
    [
        "final_reputation", "min_reputation", "final_anchor", "final_adoption", "final_partners_limited",
        "final_partners_full", "peak_exits_2_steps", "records_held_final", "bank_moves_to_full_after_shock", "breaches",
        "user_surplus_total", "trusting_reach_total",
    ];

    public static void Print(IAnsiConsole console, Scenario scenario, IReadOnlyList<RunResult> results, string folder)
    {
        console.Print($"{scenario.Name}: {results.Count} replication{(results.Count == 1 ? "" : "s")} " +
                      $"of {scenario.Time.Steps} steps written to {folder}");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("metric").AddColumn(new TableColumn("mean").RightAligned())
            .AddColumn(new TableColumn("min").RightAligned()).AddColumn(new TableColumn("max").RightAligned());
        foreach (var column in SummaryMetrics.Columns.Where(c => Shown.Contains(c.Name)))
        {
            var values = results.Select(r => column.Read(r.Summary)).ToArray();
            table.AddRow(column.Name, Format(values.Average()), Format(values.Min()), Format(values.Max()));
        }
        console.Write(table);
        console.Print($"Charts: {Path.Combine(folder, "charts")}");
        console.Print("Data: timeseries.csv, summary.csv, events.csv, institutions.csv (one row per replication and step, run, event, institution)");
    }

    private static string Format(double x) =>
        Math.Abs(x) >= 1e5 ? x.ToString("0.###e+0", CultureInfo.InvariantCulture) : x.ToString("0.####", CultureInfo.InvariantCulture);
}
