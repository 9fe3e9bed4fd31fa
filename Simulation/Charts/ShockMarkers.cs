using ScottPlot;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>A dated, labelled event to mark on a time chart.</summary>
internal sealed record ShockMarker(DateOnly Date, string Label);

/// <summary>A label as drawn: its text and its box in image pixels.</summary>
internal sealed record PlacedLabel(string Text, double Left, double Top, double Right, double Bottom);

/// <summary>
/// Picks the events worth a vertical marker and draws them with labels measured in the chart's font
/// and placed so that no two overlap and none is cut.
/// </summary>
internal static class ShockMarkers
{
    private const int MaxLabelChars = 40;

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

    /// <summary>
    /// Dashed vertical lines at the markers, each with its label placed by <see cref="LabelLayout"/> in
    /// rows from the top of the data area, so no two labels overlap and none is cut at an edge. Call it
    /// after the axis limits, legend and captions are set: it lays the chart out to learn where the data
    /// area is. When the full labels would need more than <see cref="MaxRows"/> rows (a dense schedule),
    /// the lines are numbered instead and a footnote says what each number is.
    /// </summary>
    /// <returns>Every label placed, in pixels of a <see cref="ChartStyle.Width"/> x <see cref="ChartStyle.Height"/> image.</returns>
    public static IReadOnlyList<PlacedLabel> Draw(Plot plot, IReadOnlyList<ShockMarker> markers, RunSeries series) => Draw(plot, markers, series.Dates);

    /// <summary>As <see cref="Draw(Plot, IReadOnlyList{ShockMarker}, RunSeries)"/>, for a chart whose steps are dated <paramref name="dates"/>.</summary>
    public static IReadOnlyList<PlacedLabel> Draw(Plot plot, IReadOnlyList<ShockMarker> markers, IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0)
        {
            return [];
        }
        // Events after a stopped run's last step (or before its start) have no place on its axis.
        var limits = plot.Axes.GetLimits();
        markers = markers.Where(m => dates[0] <= m.Date && m.Date <= dates[^1])
            .Where(m => limits.Left <= ToX(m.Date) && ToX(m.Date) <= limits.Right).ToList();
        if (markers.Count == 0)
        {
            return [];
        }
        foreach (ShockMarker marker in markers)
        {
            var line = plot.Add.VerticalLine(ToX(marker.Date), 1.5f, ChartStyle.Marker.WithAlpha(0.8), LinePattern.Dashed);
            line.LegendText = "";
        }
        var texts = markers.Select(m => m.Label).ToList();
        var xs = markers.Select(m => ToX(m.Date)).ToList();
        if (LabelStrip.RowsNeeded(plot, xs, texts) > MaxRows)
        {
            // Numbers are short enough to fit beside dense lines; the footnote (added before the final
            // layout, since it takes height from the data area) says what they stand for.
            texts = markers.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            ChartStyle.Caption(plot, Key(markers));
        }
        return LabelStrip.Draw(plot, xs, texts, ChartStyle.Marker, fromTop: true);
    }

    /// <summary>
    /// Breaches and random scandals, which strike at different dates in each replication: a tick at the
    /// foot of the chart for every date on which any replication had one, darker the more replications
    /// did, so a dip in the band can be traced to its cause without burying the chart in lines.
    /// </summary>
    public static void DrawRandom(Plot plot, IReadOnlyList<RunResult> results, RunSeries series)
    {
        if (series.Count == 0 || results.Count == 0) return;
        var byDate = results
            .SelectMany(r => r.Events.Where(e => e.Kind == EventKind.Breach || (e.Kind == EventKind.Shock && e.Detail.StartsWith(World.RandomScandal, StringComparison.Ordinal)))
                .Select(e => e.Date).Distinct())
            .GroupBy(d => d).Select(g => (Date: g.Key, Share: g.Count() / (double)results.Count)).OrderBy(p => p.Date).ToList();
        if (byDate.Count == 0) return;
        var limits = plot.Axes.GetLimits();
        double bottom = limits.Bottom + 0.015 * (limits.Top - limits.Bottom);
        foreach (var (date, share) in byDate)
        {
            var tick = plot.Add.Marker(ToX(date), bottom, MarkerShape.FilledTriangleUp, 9, ChartStyle.Marker.WithAlpha(0.35 + 0.65 * share));
            tick.LegendText = "";
        }
        var key = plot.Add.Marker(double.NaN, double.NaN, MarkerShape.FilledTriangleUp, 9, ChartStyle.Marker);
        key.LegendText = results.Count > 1 ? "Breach or random scandal (darker: in more replications)" : "Breach or random scandal";
    }

    /// <summary>Most rows of full labels before the lines are numbered instead.</summary>
    public const int MaxRows = 4;

    /// <summary>The footnote of a numbered chart: "1 ICO fine; 2 F8 commitment; ...", in lines short enough for the width.</summary>
    private static string Key(IReadOnlyList<ShockMarker> markers)
    {
        var lines = new List<string>();
        var current = "";
        for (int i = 0; i < markers.Count; i++)
        {
            string entry = $"{i + 1} {markers[i].Label} ({markers[i].Date:yyyy-MM-dd})";
            if (current.Length > 0 && current.Length + entry.Length + 3 > KeyLineChars)
            {
                lines.Add(current);
                current = "";
            }
            current = current.Length == 0 ? entry : $"{current};  {entry}";
        }
        lines.Add(current);
        return string.Join('\n', lines);
    }

    private const int KeyLineChars = 140;

    public static double ToX(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string LabelOf(string label, string subject)
    {
        string text = label.Length > 0 ? label : subject.Replace('_', ' ');
        return text.Length <= MaxLabelChars ? text : text[..(MaxLabelChars - 1)].TrimEnd() + "…";
    }

    private static List<ShockMarker> FromSchedule(Scenario scenario, RunSeries series) => Scheduled(scenario, series.Steps, series.Dates);

    /// <summary>The scenario's scheduled shocks and interventions that fall on the steps <paramref name="steps"/>, dated <paramref name="dates"/>.</summary>
    public static List<ShockMarker> Scheduled(Scenario scenario, IReadOnlyList<int> steps, IReadOnlyList<DateOnly> dates)
    {
        var scheduled = scenario.Shocks.Select(s => (s.Step, s.Date, Subject: s.Type.ToString().ToLowerInvariant(), s.Label))
            .Concat(scenario.Interventions.Select(i => (i.Step, i.Date, Subject: i.Type.ToString().ToLowerInvariant(), i.Label)));
        var markers = new List<ShockMarker>();
        foreach (var (step, date, subject, label) in scheduled)
        {
            int index = step is int s ? IndexOfStep(steps, s) : date is DateOnly d ? FirstOnOrAfter(dates, d) : -1;
            if (index >= 0 && index < dates.Count)
            {
                markers.Add(new ShockMarker(dates[index], LabelOf(label, subject)));
            }
        }
        return markers.Distinct().OrderBy(m => m.Date).ThenBy(m => m.Label, StringComparer.Ordinal).ToList();
    }

    private static int IndexOfStep(IReadOnlyList<int> steps, int step)
    {
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i] == step)
            {
                return i;
            }
        }
        return -1;
    }

    private static int FirstOnOrAfter(IReadOnlyList<DateOnly> dates, DateOnly date)
    {
        for (int i = 0; i < dates.Count; i++)
        {
            if (dates[i] >= date)
            {
                return i;
            }
        }
        return -1;
    }
}
