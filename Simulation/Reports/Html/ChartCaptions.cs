using TrustSim.Metrics;

namespace TrustSim.Reports.Html;

/// <summary>
/// A short title (for the page's list of charts) and a one-line caption for each chart the tool draws, from
/// its file name (docs/charts.md says more about each kind). Metrics are named with their catalogue
/// description; swept parameters, which file names spell with '_' for '.', get their paths back when the
/// folder's parameters are known.
/// </summary>
internal static class ChartCaptions
{
    /// <summary>The title and caption of the chart <paramref name="fileName"/> (PNG or SVG name) of a folder that swept <paramref name="parameters"/>.</summary>
    public static (string Title, string Caption) For(string fileName, IReadOnlyList<string> parameters)
    {
        string name = Path.GetFileNameWithoutExtension(fileName);
        return name switch
        {
            "reputation" => ("Platform reputation", "Platform reputation: mean and 5-95% band over the replications, the long-run anchor, and the schedule's events."),
            "partners" => ("Institutions by partnership mode", "Institutions by partnership mode, payment firms above and banks below, each stacked to 1."),
            "adoption" => ("Awareness, adoption and reach", "Awareness, adoption and reach, each on its own scale, with 5-95% bands."),
            "records" => ("Records held", "Financial records held by the platform."),
            "institution-reputation" => ("Institutions' own reputation", "Institutions' own reputation: all institutions, and the mean of those now in each mode."),
            "fan-reputation" => ("Reputation by design point", "Platform reputation over time at each design point."),
            "fan-partners-full" => ("Full partners by design point", "Share of institutions in Full over time at each design point."),
            "differences" => ("Differences per summary metric",
                "Each summary metric's difference from the first side, with its 95% interval, in standard deviations of the first side."),
            "loss" => ("Loss of every evaluation", "Loss of every evaluation the optimiser made, in order (log scale)."),
            _ => Patterned(name, parameters),
        };
    }

    private static (string Title, string Caption) Patterned(string name, IReadOnlyList<string> parameters)
    {
        if (Split(name, "response-") is var (metric, parameter) && parameter is not null)
        {
            string against = Parameter(parameter, parameters);
            return ($"{metric} against {against}", $"{Summary(metric)} against {against}: mean and 95% interval at each value.");
        }
        if (Split(name, "compare-") is var (compared, by))
        {
            if (by is null) return ($"{compared}, every side", $"{Step(compared)} on every side: mean and 5-95% band over the replications.");
            string against = Parameter(by, parameters);
            return ($"{compared} against {against}, every side", $"{Summary(compared)} against {against} on every side: mean and 95% interval.");
        }
        if (Split(name, "difference-") is var (differed, over) && over is not null)
        {
            string against = Parameter(over, parameters);
            return ($"Difference in {differed} against {against}",
                $"Difference in {Summary(differed)} from the first side at each value of {against}, with its 95% interval.");
        }
        if (After(name, "heatmap-") is { } heat) return ($"Heatmap of {heat}", $"{Summary(heat)} over the grid: each cell's mean and 95% interval.");
        if (After(name, "sensitivity-") is { } sobol)
            return ($"Sobol indices of {sobol}", $"Sobol indices of {Summary(sobol)}: first-order (S1) and total (ST), with 95% bootstrap intervals.");
        if (After(name, "morris-") is { } morris) return ($"Morris screening of {morris}", $"Morris screening of {Summary(morris)}: each parameter at mu* and sigma.");
        if (After(name, "threshold-") is { } threshold)
            return ($"Threshold search on {threshold}", $"Threshold search on {Summary(threshold)}: every evaluated value, the level and the crossing.");
        if (After(name, "fit-") is { } fit) return ($"Fit of {fit}", $"Observed {Step(fit)} and the model at the fitted values.");
        return (name, name);
    }

    /// <summary>"response-M-vs-P" as (M, P); (M, null) for "compare-M"; null when <paramref name="name"/> does not start with <paramref name="prefix"/>.</summary>
    private static (string Metric, string? Parameter)? Split(string name, string prefix)
    {
        if (After(name, prefix) is not { } rest) return null;
        int vs = rest.IndexOf("-vs-", StringComparison.Ordinal);
        return vs < 0 ? (rest, null) : (rest[..vs], rest[(vs + 4)..]);
    }

    private static string? After(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : null;

    private static string Summary(string metric) =>
        SummaryMetrics.Columns.FirstOrDefault(c => c.Name == metric) is { } column ? $"{Capitalised(column.Description)} ({metric})" : metric;

    private static string Step(string series) =>
        StepMetrics.Columns.FirstOrDefault(c => c.Name == series) is { } column ? $"{Capitalised(column.Description)} ({series})" : series;

    private static string Parameter(string fileSafe, IReadOnlyList<string> parameters) =>
        parameters.FirstOrDefault(p => new string(p.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) == fileSafe) ?? fileSafe;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
