using TrustSim.Scenarios;

namespace TrustSim.Reports.Html;

/// <summary>What a page is built from: a finished output folder, its manifest, and what the command that reads it back found.</summary>
/// <param name="Folder">The folder (never shown on the page: a command builds its folder under a temporary name).</param>
/// <param name="Manifest">Its manifest.json.</param>
/// <param name="Scenario">Its resolved scenario (scenario.yaml, or a calibration's fitted.yaml), or null when it has none.</param>
/// <param name="ChartFiles">Its charts' PNG names, in the order the command draws them.</param>
internal sealed record ReportSource(string Folder, Manifest Manifest, Scenario? Scenario, IReadOnlyList<string> ChartFiles)
{
    /// <summary>The path of a file of the folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);
}
