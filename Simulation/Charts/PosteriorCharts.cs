using System.Globalization;
using TrustSim.Experiments;

namespace TrustSim.Charts;

/// <summary>
/// The charts of a posterior calibration folder, and the footnotes they share: whether the chains
/// converged, how many observations inform the parameters, and the ridges.
/// </summary>
internal static class PosteriorCharts
{
    public static IReadOnlyList<ChartJob> Jobs(PosteriorChartData data)
    {
        var jobs = new List<ChartJob>
        {
            new(PosteriorMarginalsChart.FileName, () => PosteriorMarginalsChart.Render(data)),
            new(PosteriorCornerChart.FileName, () => PosteriorCornerChart.Render(data)),
            new(PosteriorTraceChart.FileName, () => PosteriorTraceChart.Render(data)),
        };
        foreach (var metric in data.Fit.Select(r => r.Metric).Distinct())
            jobs.Add(new ChartJob(PosteriorFitChart.FileName(metric), () => PosteriorFitChart.Render(data, metric)));
        if (data.Profile.Count > 0)
            jobs.Add(new ChartJob(ProfileChart.FileName, () => ProfileChart.Render(data)));
        return jobs;
    }

    /// <summary>Words after a chart's title when the draws are not a posterior.</summary>
    public static string TitleMark(PosteriorChartData data) => data.Status switch
    {
        PosteriorStatus.NotConverged => " (NOT CONVERGED)",
        PosteriorStatus.Interrupted => " (INTERRUPTED)",
        _ => "",
    };

    /// <summary>Footnote lines: convergence when missed, identifiability when weak, ridges when any.</summary>
    public static IReadOnlyList<string> Notes(PosteriorChartData data)
    {
        var notes = new List<string>();
        if (data.Status != PosteriorStatus.Converged)
        {
            var rhat = data.Quantities.Select(q => q.Convergence.Rhat).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
            var ess = data.Quantities.Select(q => q.Convergence.BulkEss).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();
            var why = data.Status == PosteriorStatus.Interrupted ? "stopped by Ctrl-C" : "chains not converged";
            notes.Add($"{why} (largest R-hat {F(rhat, "0.000")}, needs < 1.01; smallest bulk ESS {F(ess, "0")}, needs >= 400): these draws are not a posterior");
        }
        if (Identifiability(data) is { } weak) notes.Add(weak);
        var ridges = Ridges(data).Select(r => $"{r.First} ~ {r.Second} (r = {F(r.Correlation, "0.00")})").ToList();
        if (ridges.Count > 0) notes.Add($"ridge{(ridges.Count == 1 ? "" : "s")}, |r| > {F(Ridge.Threshold, "0.0")}: {string.Join("; ", ridges)}");
        return notes;
    }

    /// <summary>"5 parameters, 3 informative observations (of 4)" when parameters outnumber informative observations.</summary>
    public static string? Identifiability(PosteriorChartData data)
    {
        if (data.Fit.Any(r => r.Informative is null)) return null;
        var informative = data.Fit.Count(r => r.Informative == true);
        return data.ParameterCount > informative
            ? $"{data.ParameterCount} parameters, {informative} informative observation{(informative == 1 ? "" : "s")} (of {data.Fit.Count}): the data cannot fix every parameter"
            : null;
    }

    /// <summary>The pairs of parameters whose correlation is above the ridge threshold in size.</summary>
    public static IReadOnlyList<Ridge> Ridges(PosteriorChartData data)
    {
        var ridges = new List<Ridge>();
        for (var i = 0; i < data.Quantities.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(data.Correlation[i, j]) > Ridge.Threshold)
                    ridges.Add(new Ridge(data.Quantities[j].Name, data.Quantities[i].Name, data.Correlation[i, j]));
            }
        }
        return ridges;
    }

    public static string F(double x, string format) => double.IsNaN(x) ? "-" : x.ToString(format, CultureInfo.InvariantCulture);
}
