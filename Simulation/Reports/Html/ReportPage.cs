namespace TrustSim.Reports.Html;

/// <summary>
/// What report.html shows of one output folder, as plain values read from the folder's files: the page
/// writer (<see cref="ReportHtml"/>) escapes all of it, so nothing here is markup.
/// </summary>
/// <param name="Kind">What the folder is, in words: "Run", "Sweep", "Threshold search", "Comparison", "Calibration".</param>
/// <param name="Title">The scenario's name, or the compared sides.</param>
/// <param name="Lead">The scenario's description (the question it asks), or null.</param>
/// <param name="Status">The manifest's status in its own words ("completed", "failed", "interrupted").</param>
/// <param name="Facts">A few short facts for the head of the page (replications, design, seed).</param>
/// <param name="Notes">How to read the results (pairing, interval methods), one sentence each.</param>
/// <param name="Warnings">What the command warned of or recorded as wrong, and charts that are missing.</param>
/// <param name="Tables">The result tables, in reading order.</param>
/// <param name="Charts">Every chart of the folder, in the order the command draws them.</param>
/// <param name="Scenario">The resolved scenario file, or null when the folder has none.</param>
/// <param name="Provenance">Where the results came from: tool, commit, command line, times, seeds, machine.</param>
internal sealed record ReportPage(
    string Kind,
    string Title,
    string? Lead,
    string Status,
    IReadOnlyList<string> Facts,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts,
    ReportText? Scenario,
    IReadOnlyList<ReportFact> Provenance);
