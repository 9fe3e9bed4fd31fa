using TrustSim.Scenarios;

namespace TrustSim.Model.Expectations;

/// <summary>
/// What an institution can see at the end of a step: its mode, its customers' realised adoption
/// share and the foresight value of the mode it holds, evaluated now (<paramref name="Foresight"/>
/// is called only by rules that need it, since each call is a pass over the outlook's bins).
/// </summary>
internal readonly ref struct ExpectationEvidence(
    ReadOnlySpan<PartnershipMode> modes,
    IReadOnlyList<InstitutionProfile> profiles,
    Func<int, double> realised,
    Func<int, double> foresight)
{
    public ReadOnlySpan<PartnershipMode> Modes { get; } = modes;
    public IReadOnlyList<InstitutionProfile> Profiles { get; } = profiles;

    /// <summary>A_j, the share of j's customers adopting now.</summary>
    public Func<int, double> Realised { get; } = realised;

    /// <summary>Ahat*_j,m_j, the foresight value of j's current mode now.</summary>
    public Func<int, double> Foresight { get; } = foresight;
}
