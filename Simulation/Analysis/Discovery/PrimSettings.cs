namespace TrustSim.Analysis.Discovery;

/// <summary>How PRIM peels, pastes, chooses a box and decides when to stop covering.</summary>
/// <param name="PeelAlpha">Share of the current box's cases one peel removes from one end of one input (Friedman and Fisher's alpha), in (0, 0.5).</param>
/// <param name="PasteAlpha">Share of the box's cases one paste adds back along one side, in (0, 0.5).</param>
/// <param name="MinMass">Smallest box, as a share of all cases: peeling stops before a box would hold fewer, in (0, 1).</param>
/// <param name="Significance">A restriction whose quasi-p-value exceeds this is dropped (with <paramref name="Prune"/>), and a box left with
/// no restriction ends the search, in (0, 1).</param>
/// <param name="Density">When given, the box chosen from a trajectory is the one of highest coverage whose density reaches this
/// (otherwise the knee of the trajectory), and pruning keeps any restriction the box needs to stay at this density.</param>
/// <param name="MaxBoxes">Most boxes covering finds.</param>
/// <param name="Prune">Drop restrictions that are not significant, one at a time, least significant first.</param>
internal sealed record PrimSettings(double PeelAlpha = 0.05, double PasteAlpha = 0.05, double MinMass = 0.05, double Significance = 0.05,
    double? Density = null, int MaxBoxes = 3, bool Prune = true);
