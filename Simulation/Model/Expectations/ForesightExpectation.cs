namespace TrustSim.Model.Expectations;

/// <summary>
/// `foresight` (MODEL.md's original rule): an institution expects the long-run adoption of its
/// customers as if every one of them knew of the service.
/// </summary>
internal sealed class ForesightExpectation : IAdoptionExpectation
{
    public double Expected(int j, double foresight) => foresight;

    public void Observe(in ExpectationEvidence evidence)
    {
        // Nothing to learn: the rule looks only forward.
    }
}
