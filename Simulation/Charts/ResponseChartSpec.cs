namespace TrustSim.Charts;

/// <summary>A metric against one swept parameter. <paramref name="Joined"/> draws lines between points (grids); otherwise markers only.</summary>
internal sealed record ResponseChartSpec(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<ResponseLine> Lines,
    bool Joined, string Note);
