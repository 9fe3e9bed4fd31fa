using ScottPlot;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>A dated, labelled event to mark on a time chart.</summary>
internal sealed record ShockMarker(DateOnly Date, string Label);

/// <summary>
/// Picks the events worth a vertical marker and draws them with labels staggered in rows so
/// neighbouring labels do not overlap.
/// </summary>
internal static class ShockMarkers
{
    private const int MaxLabelChars = 22;
    private const int Rows = 3;

    private static readonly HashSet<EventKind> Marked = [EventKind.Shock, EventKind.Commitment, EventKind.Intervention];

    /// <summary>
    /// Scheduled events: those with a label, or that happen in every replication. Random scandals
    /// differ between replications and would bury the chart in lines, so they are left out unless
    /// there is a single replication. Falls back to the scenario's schedule when the log has none.
    /// </summary>
    public static IReadOnlyList<ShockMarker> Select(Scenario scenario, IReadOnlyList<RunResult> results, RunSeries series)
    {
        var seen = new Dictionary<(int Step, DateOnly Date, EventKind Kind, string Subject, string Label), int>();
        foreach (RunResult result in results)
        {
            foreach (var key in result.Events.Where(e => Marked.Contains(e.Kind))
                .Select(e => (e.Step, e.Date, e.Kind, e.Subject, e.Label)).Distinct())
            {
                seen[key] = seen.GetValueOrDefault(key) + 1;
            }
        }
        if (seen.Count > 0)
        {
            return seen
                .Where(p => p.Key.Label.Length > 0 || p.Value == results.Count)
                .Select(p => new ShockMarker(p.Key.Date, LabelOf(p.Key.Label, p.Key.Subject)))
                .Distinct()
                .OrderBy(m => m.Date).ThenBy(m => m.Label, StringComparer.Ordinal)
                .ToList();
        }
        return FromSchedule(scenario, series);
    }

    /// <summary>Dashed vertical lines with short labels near the top of the y range [yLow, yHigh].</summary>
    public static void Draw(Plot plot, IReadOnlyList<ShockMarker> markers, RunSeries series, double yLow, double yHigh)
    {
        if (series.Count == 0)
        {
            return;
        }
        // Events after a stopped run's last step (or before its start) have no place on its axis.
        markers = markers.Where(m => series.Dates[0] <= m.Date && m.Date <= series.Dates[^1]).ToList();
        double xFirst = series.X[0];
        double xLast = series.X[^1];
        // Rough label width in x units: about 7 px per character over a ~850 px wide data area.
        double unitsPerChar = Math.Max(xLast - xFirst, 28) * 7.0 / 850.0;
        var rowEnds = Enumerable.Repeat(double.NegativeInfinity, Rows).ToArray();

        // Every line first, then every label, so no later line is drawn across an earlier label.
        foreach (ShockMarker marker in markers)
        {
            var line = plot.Add.VerticalLine(ToX(marker.Date), 1.5f, ChartStyle.Marker.WithAlpha(0.8), LinePattern.Dashed);
            line.LegendText = "";
        }
        foreach (ShockMarker marker in markers)
        {
            double x = ToX(marker.Date);
            int row = Array.FindIndex(rowEnds, end => end < x);
            if (row < 0)
            {
                row = Array.IndexOf(rowEnds, rowEnds.Min());
            }
            rowEnds[row] = x + (marker.Label.Length + 2) * unitsPerChar;

            double y = yHigh - (yHigh - yLow) * (0.015 + 0.06 * row);
            var text = plot.Add.Text(marker.Label, x, y);
            text.LabelFontSize = 11;
            text.LabelFontColor = ChartStyle.Marker;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelPadding = 2;
            text.Alignment = Alignment.UpperLeft;
            text.OffsetX = 3;
        }
    }

    public static double ToX(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string LabelOf(string label, string subject)
    {
        string text = label.Length > 0 ? label : subject.Replace('_', ' ');
        return text.Length <= MaxLabelChars ? text : text[..(MaxLabelChars - 1)].TrimEnd() + "…";
    }

    private static List<ShockMarker> FromSchedule(Scenario scenario, RunSeries series)
    {
        var scheduled = scenario.Shocks.Select(s => (s.Step, s.Date, Subject: s.Type.ToString().ToLowerInvariant(), s.Label))
            .Concat(scenario.Interventions.Select(i => (i.Step, i.Date, Subject: i.Type.ToString().ToLowerInvariant(), i.Label)));
        var markers = new List<ShockMarker>();
        foreach (var (step, date, subject, label) in scheduled)
        {
            int index = step is int s ? IndexOfStep(series, s) : date is DateOnly d ? FirstOnOrAfter(series, d) : -1;
            if (index >= 0 && index < series.Count)
            {
                markers.Add(new ShockMarker(series.Dates[index], LabelOf(label, subject)));
            }
        }
        return markers.Distinct().OrderBy(m => m.Date).ThenBy(m => m.Label, StringComparer.Ordinal).ToList();
    }

    private static int IndexOfStep(RunSeries series, int step)
    {
        for (int i = 0; i < series.Count; i++)
        {
            if (series.Steps[i] == step)
            {
                return i;
            }
        }
        return -1;
    }

    private static int FirstOnOrAfter(RunSeries series, DateOnly date)
    {
        for (int i = 0; i < series.Count; i++)
        {
            if (series.Dates[i] >= date)
            {
                return i;
            }
        }
        return -1;
    }
}
