using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// A file a scenario names (an <c>extends:</c> base, the <c>calibrate.data</c> CSV) and the line
/// that names it, so a problem found inside that file can say why the tool was reading it.
/// </summary>
/// <param name="File">The file as problems inside it name it.</param>
/// <param name="Key">The key that names it: extends, calibrate.data.</param>
/// <param name="From">Where that key was written.</param>
internal sealed record FileReference(string File, string Key, SourceSpot From)
{
    /// <summary>"extends: on scenario.yaml line 3".</summary>
    public string Via => $"{Key}: on {From.File} line {From.Line}";
}
