namespace TrustSim.Analysis.Discovery;

/// <summary>One box on a search's trajectory and how well it does.</summary>
/// <param name="Step">Position on the trajectory, from 0 (nothing restricted).</param>
/// <param name="Cases">Cases in the box (among those still searched).</param>
/// <param name="Interesting">Cases of interest in the box.</param>
/// <param name="Coverage">Share of all cases of interest that lie in the box.</param>
/// <param name="Density">Share of the box's cases that are of interest.</param>
/// <param name="Mass">Share of all cases that lie in the box.</param>
/// <param name="Restricted">How many inputs the box restricts.</param>
internal sealed record PrimStep(int Step, PrimStage Stage, PrimBox Box, int Cases, int Interesting, double Coverage, double Density,
    double Mass, int Restricted)
{
    /// <summary>The statistics of <paramref name="box"/>, whose members among the searched cases are <paramref name="members"/>.</summary>
    public static PrimStep Of(PrimData data, int step, PrimStage stage, PrimBox box, IReadOnlyCollection<int> members)
    {
        int interesting = data.CountInteresting(members);
        return new PrimStep(step, stage, box, members.Count, interesting,
            data.Interesting == 0 ? 0 : (double)interesting / data.Interesting,
            members.Count == 0 ? 0 : (double)interesting / members.Count,
            (double)members.Count / data.Cases, box.RestrictedCount(data.Inputs));
    }
}
