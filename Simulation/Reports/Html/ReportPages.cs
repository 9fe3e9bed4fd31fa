using TrustSim.Core;
using TrustSim.Metrics;

namespace TrustSim.Reports.Html;

/// <summary>
/// Builds the page of any output folder the tool finishes (run, sweep, threshold search, comparison,
/// calibration by the optimiser or the posterior), choosing by its manifest as every reader does, and assembles the parts every page shares:
/// warnings, charts, the scenario file and the provenance.
/// </summary>
internal static class ReportPages
{
    /// <summary>The page of the folder <paramref name="source"/> describes; a <see cref="DataFileException"/> names a file that is not whole.</summary>
    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        if (manifest.Comparison is not null) return ComparisonPage.Build(source);
        if (manifest.Posterior is not null) return PosteriorPage.Build(source);
        if (manifest.Calibration is not null) return CalibrationPage.Build(source);
        if (manifest.Threshold is not null) return ThresholdPage.Build(source);
        if (manifest.Sweep is not null) return SweepPage.Build(source);
        return RunPage.Build(source);
    }

    /// <summary>
    /// A page with the shared parts filled in from <paramref name="source"/>; <paramref name="scenarioFile"/> is the folder's
    /// scenario file, if any, and <paramref name="parameters"/> the swept parameters its charts are named after (a sweep's by default).
    /// </summary>
    internal static ReportPage Page(ReportSource source, string kind, string title, IReadOnlyList<string> facts, IReadOnlyList<string> notes,
        IReadOnlyList<ReportTable> tables, string? scenarioFile, IReadOnlyList<string>? warnings = null, IReadOnlyList<string>? parameters = null)
    {
        var manifest = source.Manifest;
        parameters ??= manifest.Sweep?.Parameters ?? [];
        var charts = ReportCharts.Read(source.Folder, source.ChartFiles, parameters);
        var allWarnings = new List<string>();
        // A status the command explained among the warnings (a posterior that did not converge) is not said twice.
        if (manifest.Status != RunStatus.Completed && !(manifest.Error is { } said && (manifest.Warnings ?? []).Contains(said)))
        {
            allWarnings.Add($"The command ended '{StatusWords(manifest.Status)}'" +
                            (manifest.Error is { Length: > 0 } error ? $": {error}" : "") + ".");
        }
        allWarnings.AddRange(manifest.Warnings ?? []);
        allWarnings.AddRange(warnings ?? []);
        allWarnings.AddRange(charts.Where(c => c.Svg is null).Select(c =>
            $"charts/{c.FileName} is missing (the chart could not be drawn when the folder was written); 'trustsim plot' on this folder draws it again."));
        return new ReportPage(kind, title, source.Scenario?.Description, StatusWords(manifest.Status), facts, notes, allWarnings,
            tables, charts, scenarioFile is null ? null : ScenarioText(source, scenarioFile), ProvenanceFacts.For(manifest));
    }

    /// <summary>A status as a reader says it: "completed", "not converged".</summary>
    internal static string StatusWords(RunStatus status) => SnakeCase.From(status.ToString()).Replace('_', ' ');

    /// <summary>The folder's scenario file shown whole; null when the folder has none (an interrupted calibration).</summary>
    private static ReportText? ScenarioText(ReportSource source, string fileName)
    {
        string path = source.PathOf(fileName);
        if (!File.Exists(path)) return null;
        string text = AtomicFile.Utf8.GetString(WholeFile.ReadAllBytes(path));
        return fileName == RunFolder.ScenarioFile
            ? new ReportText("Scenario", fileName, text, "the resolved scenario (inheritance and --set applied); run it again to reproduce this folder")
            : new ReportText("Scenario at the fit", fileName, text, "the scenario with the fitted values put in (its calibrate: section left out)");
    }

    /// <summary>A summary metric's name with its catalogue description: "final_reputation: platform reputation at the last step".</summary>
    internal static string Described(string metric) =>
        SummaryMetrics.Columns.FirstOrDefault(c => c.Name == metric) is { } column ? $"{metric}: {column.Description}" : metric;

    /// <summary>A plural-aware count: "1 point", "12 points".</summary>
    internal static string Counted(long n, string singular, string? plural = null) =>
        $"{ReportNumbers.Count(n)} {(n == 1 ? singular : plural ?? singular + "s")}";

}
