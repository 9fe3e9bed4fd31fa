using TrustSim.Analysis;
using TrustSim.Charts;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// The charts of a sweep comparison, from comparison.csv alone: per metric and swept parameter, each side's
/// response (compare-METRIC-vs-PARAM.png) and each side's difference from side 1 at every shared design
/// point (difference-METRIC-vs-PARAM.png), both grouped by the other parameters' levels so a reader sees
/// where in parameter space the sides differ, and by how much.
/// </summary>
internal static class CompareSweepCharts
{
    /// <summary>Most groups (level combinations of the other parameters) drawn as curves of their own; more are pooled.</summary>
    public const int MaxGroups = 6;

    /// <summary>How the design points fall into curves against one parameter.</summary>
    /// <param name="Groups">Legend texts ("platform.scar = 0.4"); one empty group when ungrouped.</param>
    /// <param name="Joined">Lines between points (x values repeat: a grid); markers only otherwise.</param>
    /// <param name="Note">What the grouping is, for the footnote; empty for plain groups.</param>
    internal sealed record Layout(IReadOnlyList<string> Groups, Func<ComparedPoint, int> GroupOf, bool Joined, string Note);

    public static List<ChartJob> Jobs(IReadOnlyList<ComparedPoint> points, IReadOnlyList<string> sides)
    {
        var jobs = new List<ChartJob>();
        var parameters = sides.Select(s => points.Where(p => p.Side == s).SelectMany(p => p.Values.Keys).ToHashSet(StringComparer.Ordinal))
            .Aggregate((a, b) => { a.IntersectWith(b); return a; }).Order(StringComparer.Ordinal).ToArray();
        foreach (var metric in points.Select(p => p.Metric).Distinct())
        {
            var rows = points.Where(p => p.Metric == metric).ToList();
            foreach (var parameter in parameters)
            {
                var responses = Responses(rows, sides, metric, parameter, parameters);
                jobs.Add(new ChartJob(responses.FileName, () => CompareResponseChart.Render(responses)));
                if (sides.Count < 2) continue;
                var differences = Differences(rows, sides, metric, parameter, parameters);
                jobs.Add(new ChartJob(differences.FileName, () => PointDifferenceChart.Render(differences, sides[0])));
            }
        }
        return jobs;
    }

    /// <summary>compare-METRIC-vs-PARAM.png: each side's means with their intervals, a curve per group and side.</summary>
    public static CompareCurvesSpec Responses(IReadOnlyList<ComparedPoint> rows, IReadOnlyList<string> sides, string metric, string parameter,
        IReadOnlyList<string> parameters)
    {
        var layout = LayoutOf(rows, parameter, parameters);
        var domain = SummaryMetrics.DomainOf(metric);
        var curves = new List<CompareCurve>();
        for (int s = 0; s < sides.Count; s++)
        {
            for (int g = 0; g < layout.Groups.Count; g++)
            {
                var at = rows.Where(p => p.Side == sides[s] && layout.GroupOf(p) == g).GroupBy(p => p.Values[parameter]).OrderBy(x => x.Key).ToArray();
                var stats = at.Select(x => x.Count() == 1 ? x.First().Stats : MeanOfMeans.Of(x.Select(p => p.Stats).ToList(), domain)).ToArray();
                curves.Add(new CompareCurve(g, s, at.Select(x => x.Key).ToArray(), stats.Select(v => v.Mean).ToArray(),
                    stats.Select(v => v.CiLow).ToArray(), stats.Select(v => v.CiHigh).ToArray()));
            }
        }
        int n = rows.Select(p => p.Stats.N).DefaultIfEmpty(0).Min();
        string note = Join(layout.Note, SweepChartData.IntervalNote(metric, n));
        string title = layout.Groups.Count > 1 ? $"{metric} against {parameter}, by {string.Join(", ", parameters.Where(p => p != parameter))}" : $"{metric} against {parameter}";
        return new CompareCurvesSpec($"compare-{metric}-vs-{FileSafe(parameter)}.png", title, ScenarioKeyCatalog.AxisLabel(parameter),
            $"{Capitalised(Description(metric))} (mean)", sides, layout.Groups, curves, layout.Joined, note);
    }

    /// <summary>difference-METRIC-vs-PARAM.png: side k minus side 1 at each shared design point, with its interval, a curve per group and side k.</summary>
    public static CompareCurvesSpec Differences(IReadOnlyList<ComparedPoint> rows, IReadOnlyList<string> sides, string metric, string parameter,
        IReadOnlyList<string> parameters)
    {
        var layout = LayoutOf(rows, parameter, parameters);
        var curves = new List<CompareCurve>();
        var shared = rows.Where(p => p.Side != sides[0] && !double.IsNaN(p.Difference)).ToList();
        for (int s = 1; s < sides.Count; s++)
        {
            for (int g = 0; g < layout.Groups.Count; g++)
            {
                var at = shared.Where(p => p.Side == sides[s] && layout.GroupOf(p) == g).GroupBy(p => p.Values[parameter]).OrderBy(x => x.Key).ToArray();
                var d = at.Select(x => MeanOfMeans.OfDifferences(x.Select(p => (p.Difference, p.DifferenceLow, p.DifferenceHigh)).ToList())).ToArray();
                curves.Add(new CompareCurve(g, s - 1, at.Select(x => x.Key).ToArray(), d.Select(v => v.Estimate).ToArray(),
                    d.Select(v => v.Low).ToArray(), d.Select(v => v.High).ToArray()));
            }
        }
        string pooled = layout.Note.Length > 0 && layout.Joined ? "each pooled interval combines its points' intervals (erring wide)" : "";
        string note = Join(Join(layout.Note, TestNote(shared)), pooled);
        string title = sides.Count == 2 ? $"{metric}: {sides[1]} minus {sides[0]}" : $"{metric}: each side minus {sides[0]}";
        return new CompareCurvesSpec($"difference-{metric}-vs-{FileSafe(parameter)}.png", title, ScenarioKeyCatalog.AxisLabel(parameter),
            $"Difference in {Description(metric)}", sides.Skip(1).ToList(), layout.Groups, curves, layout.Joined, note);
    }

    /// <summary>
    /// Curves against <paramref name="parameter"/>: one per level combination of the other parameters when its
    /// values repeat (a grid) and there are at most <see cref="MaxGroups"/> of them; marginal means over the
    /// other parameters when there are more; every design point on its own when values do not repeat (Latin
    /// hypercube, random), where a curve through points that differ in every parameter would mislead.
    /// </summary>
    public static Layout LayoutOf(IReadOnlyList<ComparedPoint> rows, string parameter, IReadOnlyList<string> parameters)
    {
        var others = parameters.Where(p => p != parameter).ToArray();
        bool repeats = rows.GroupBy(p => p.Side).Any(g => g.Select(p => p.Values[parameter]).Distinct().Count() < g.Count());
        if (others.Length == 0) return new Layout([""], _ => 0, true, "");
        if (!repeats) return new Layout([""], _ => 0, false, "each design point on its own (the other parameters vary with it)");
        string Key(ComparedPoint p) => string.Join(", ", others.Select(o => $"{o} = {Charts.ChartStyle.Number(p.Values[o])}"));
        var keys = rows.DistinctBy(Key).OrderBy(p => others.Select(o => p.Values[o]).ToArray(), Lexicographic.Instance).Select(Key).ToList();
        if (keys.Count > MaxGroups)
            return new Layout([""], _ => 0, true, $"marginal means over the {keys.Count} level combinations of {string.Join(", ", others)} (too many to draw apart)");
        return new Layout(keys, p => keys.IndexOf(Key(p)), true, "");
    }

    private static string TestNote(IReadOnlyList<ComparedPoint> shared)
    {
        if (shared.Count == 0) return "no design point is shared by the sides";
        var tests = shared.Select(p => p.Test).Distinct().Order(StringComparer.Ordinal).ToArray();
        int low = shared.Min(p => p.Stats.N), high = shared.Max(p => p.Stats.N);
        string n = low == high ? $"n = {low}" : $"n = {low} to {high}";
        string test = tests.SequenceEqual(["paired_t"]) ? $"paired t over replications, {n} pairs per point\n(common random numbers: the same seeds on both sides)"
            : tests.SequenceEqual(["welch_t"]) ? $"Welch's t from each side's mean and sd,\n{n} replications per side and point (the seeds differ)"
            : $"paired t where the seeds match, Welch's t elsewhere,\n{n} per point";
        bool missing = shared.Any(p => double.IsNaN(p.DifferenceLow));
        return $"bars: 95% CI of the difference by {test}; filled: CI excludes 0{(missing ? "; no bar: too few replications" : "")}";
    }

    private static string Description(string metric) => SummaryMetrics.Columns.FirstOrDefault(c => c.Name == metric)?.Description ?? metric;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Join(string first, string second) => first.Length == 0 ? second : second.Length == 0 ? first : $"{first}\n{second}";

    private static string FileSafe(string parameter) =>
        new(parameter.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private sealed class Lexicographic : IComparer<double[]>
    {
        public static Lexicographic Instance { get; } = new();

        public int Compare(double[]? x, double[]? y)
        {
            for (int i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                int c = x[i].CompareTo(y[i]);
                if (c != 0) return c;
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
