using TrustSim.Analysis.Discovery;

namespace TrustSim.Charts;

/// <summary>One box of a PRIM trajectory as the chart draws it.</summary>
internal sealed record TrajectoryPoint(double Coverage, double Density, int Restricted, PrimStage Stage);

/// <summary>A search's peeling trajectory and the box it ended with.</summary>
/// <param name="Points">Every box of the search in order: peel steps, then pastes and drops of the picked one.</param>
/// <param name="Picked">Index of the peel step picked (knee or density), or -1.</param>
/// <param name="Final">Index of the box the search ended with, or -1 when nothing was picked.</param>
/// <param name="Kept">True when the final box was kept as a box of the discovery.</param>
/// <param name="FinalLabel">What the ring around the final box says.</param>
/// <param name="BaseDensity">Share of interest among the cases searched: the density a box must beat.</param>
/// <param name="DensityLevel">The stated density the box was chosen by, or null (the knee).</param>
internal sealed record TrajectoryChartSpec(string FileName, string Title, IReadOnlyList<TrajectoryPoint> Points, int Picked, int Final, bool Kept,
    string FinalLabel, double BaseDensity, double? DensityLevel, string Note);
