namespace TrustSim.Model.Expectations;

/// <summary>
/// An expectation submodel: how institution j turns the foresight value Ahat*_jm (the adoption
/// its customers would reach if all were aware, from <see cref="AdoptionOutlook"/>) into the
/// Ahat_jm its mode choice weighs. Chosen by `institutions.expectations`; registered in
/// <see cref="ExpectationRules"/>.
/// </summary>
internal interface IAdoptionExpectation
{
    /// <summary>Ahat_jm, what institution j expects of a mode whose foresight value is <paramref name="foresight"/>.</summary>
    double Expected(int j, double foresight);

    /// <summary>Phase 9: what this step showed. Rules that learn update their state here; the others ignore it.</summary>
    void Observe(in ExpectationEvidence evidence);
}
