namespace TrustSim.Reports;

/// <summary>Paths of the charts written, and a message for each chart that could not be drawn.</summary>
internal sealed record ChartSetResult(IReadOnlyList<string> Written, IReadOnlyList<string> Problems);
