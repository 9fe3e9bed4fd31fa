namespace TrustSim.Charts;

/// <summary>
/// A sweep comparison chart of a metric against one parameter: curves by group (colour) and side (line
/// style and marker). <paramref name="Joined"/> draws lines (a grid, where x values repeat); otherwise
/// markers only (Latin hypercube or random designs). <paramref name="Groups"/> are legend texts such as
/// "platform.scar = 0.4"; a single empty group colours by side instead.
/// </summary>
internal sealed record CompareCurvesSpec(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<string> Sides,
    IReadOnlyList<string> Groups, IReadOnlyList<CompareCurve> Curves, bool Joined, string Note);
