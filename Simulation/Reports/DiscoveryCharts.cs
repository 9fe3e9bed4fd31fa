using System.Globalization;
using TrustSim.Analysis.Discovery;
using TrustSim.Charts;

namespace TrustSim.Reports;

/// <summary>The charts of a discovery folder from its two data files: a trajectory chart per search, and boxes.png.</summary>
internal static class DiscoveryCharts
{
    public const string BoxesChart = "boxes.png";

    /// <summary>The chart of search <paramref name="search"/>.</summary>
    public static string TrajectoryChartName(int search) => $"trajectory-{search.ToString(CultureInfo.InvariantCulture)}.png";

    public static IReadOnlyList<ChartJob> Jobs(DiscoveryDocument document,
        IReadOnlyList<IReadOnlyList<(PrimStage Stage, int Cases, int OfInterest, double Coverage, double Density, int Restricted)>> trajectory)
    {
        var jobs = new List<ChartJob>();
        for (int s = 0; s < trajectory.Count; s++)
        {
            var spec = Trajectory(document, s + 1, trajectory[s]);
            jobs.Add(new ChartJob(spec.FileName, () => TrajectoryChart.Render(spec)));
        }
        var boxes = Boxes(document);
        jobs.Add(new ChartJob(boxes.FileName, () => BoxLimitsChart.Render(boxes)));
        return jobs;
    }

    private static TrajectoryChartSpec Trajectory(DiscoveryDocument d, int search,
        IReadOnlyList<(PrimStage Stage, int Cases, int OfInterest, double Coverage, double Density, int Restricted)> steps)
    {
        var points = steps.Select(s => new TrajectoryPoint(s.Coverage, s.Density, s.Restricted, s.Stage)).ToList();
        int box = d.Boxes.ToList().FindIndex(b => b.Search == search);
        int picked, final;
        string label;
        if (box >= 0)
        {
            var b = d.Boxes[box];
            (picked, final) = (b.PickedStep, b.FinalStep);
            label = $"box {b.Box}: coverage {Num(b.Coverage)}, density {Num(b.Density)}, {Inputs(b.Limits.Count)}";
        }
        else
        {
            picked = d.Stopped.PickedStep ?? -1;
            final = d.Stopped.FinalStep ?? -1;
            label = picked == 0 ? "knee: the whole data (no box)" : "not kept: no significant restriction";
        }
        picked = picked < points.Count ? picked : -1;
        final = final < points.Count ? final : -1;
        string which = search == 1
            ? $"all {Count(steps[0].Cases)} {d.Cases}, {Count(steps[0].OfInterest)} of interest ({d.Where})"
            : $"the {Count(steps[0].Cases)} {d.Cases} not in {(search == 2 ? "box 1" : $"boxes 1 to {search - 1}")}, {Count(steps[0].OfInterest)} of interest ({d.Where})";
        var s = d.Settings;
        string choice = s.Density is { } level ? $"box picked: the highest coverage at density {Num(level)} or more" : "box picked at the knee (most density gained plus coverage kept)";
        string note = $"search {search}: {which}\n{choice}; then pasted{(s.Prune ? $", and restrictions with quasi-p > {Num(s.Significance)} dropped" : "")}\n" +
            $"peeling alpha {Num(s.PeelAlpha)}, pasting alpha {Num(s.PasteAlpha)}, minimum mass {Num(s.MinMass)}";
        string title = box >= 0 ? $"{d.Name}: peeling trajectory, search {search} (box {box + 1})" : $"{d.Name}: peeling trajectory, search {search} (no box kept)";
        double baseDensity = steps[0].Cases == 0 ? 0 : (double)steps[0].OfInterest / steps[0].Cases;
        return new TrajectoryChartSpec(TrajectoryChartName(search), title, points, picked, final, box >= 0, label, baseDensity, s.Density, note);
    }

    private static BoxLimitsChartSpec Boxes(DiscoveryDocument d)
    {
        var restricted = d.Inputs.Where(i => d.Boxes.Any(b => b.Limits.ContainsKey(i.Name))).ToList();
        var shown = restricted.Count > 0 ? restricted : d.Inputs.ToList();
        var rows = shown.Select(i => new BoxLimitsRow(i.Name, i.Min ?? double.NaN, i.Max ?? double.NaN, i.Categories ?? [],
            d.Boxes.Select(b => b.Limits.TryGetValue(i.Name, out var limits)
                ? DiscoveryFolder.Limit(DiscoveryFolder.FileName, i, limits, b.QuasiP.GetValueOrDefault(i.Name, double.NaN))
                : null).ToList())).ToList();
        var labels = d.Boxes.Select(b => $"box {b.Box}: coverage {Num(b.Coverage)}, density {Num(b.Density)}, mass {Num(b.Mass)}").ToList();
        var free = d.Inputs.Where(i => !restricted.Contains(i)).Select(i => i.Name).ToList();
        string note = $"{Count(d.Searched)} {d.Cases}, {Count(d.OfInterest)} of interest ({d.Where})\n" +
            "p: quasi-p-value of the restriction (one-sided binomial test of the box against the box without it)" +
            (d.Boxes.Count > 0 && free.Count > 0 ? "\n" + Wrapped($"not restricted by any box: {string.Join(", ", free)}") : "");
        string title = d.Boxes.Count == 0 ? $"{d.Name}: no box found" : $"{d.Name}: where the cases of interest are ({d.Boxes.Count} box{(d.Boxes.Count == 1 ? "" : "es")})";
        return new BoxLimitsChartSpec(BoxesChart, title, rows, labels, d.Boxes.Count == 0 ? $"{note}\n{Wrapped(d.Stopped.Reason)}" : note, d.Boxes.Count == 0 ? "box" : null);
    }

    /// <summary>A footnote broken at spaces into lines that fit the chart's width (about 120 characters of its font).</summary>
    private static string Wrapped(string text, int width = 120)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = line.Length == 0 ? word : $"{line} {word}";
        }
        lines.Add(line);
        return string.Join("\n", lines);
    }

    private static string Inputs(int n) => $"{n} input{(n == 1 ? "" : "s")}";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Num(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
