namespace TrustSim.Model.Expectations;

/// <summary>
/// `awareness`: the foresight value scaled by alpha_j, the share of j's customers aware of the
/// service now. Myopic about reach as well as adoption: it expects no growth in awareness.
/// </summary>
internal sealed class AwarenessExpectation(Func<int, double> awareShare) : IAdoptionExpectation
{
    public double Expected(int j, double foresight) => foresight * awareShare(j);

    public void Observe(in ExpectationEvidence evidence)
    {
        // Awareness is read fresh at every choice; there is no state to update.
    }
}
