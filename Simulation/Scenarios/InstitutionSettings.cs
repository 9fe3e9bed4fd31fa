namespace TrustSim.Scenarios;

/// <summary>Banks and payment firms: who they are and how they choose a partnership mode.</summary>
internal sealed record InstitutionSettings
{
    public GeneratedInstitutions Generated { get; init; } = new();

    public IReadOnlyList<NamedInstitution> Named { get; init; } = [];

    [Parameter("noise in the mode choice", Symbol = "mu_b", Min = 1e-6, Max = 100)]
    public double ChoiceNoise { get; init; } = 0.15;

    [Parameter("pull of same-type peers' modes (size-weighted share)", Symbol = "J_b", Min = 0, Max = 100)]
    public double Imitation { get; init; } = 0.3;

    // Default 2 is J_b/mu_b at the defaults (0.3/0.15, exactly 2.0 in binary), the weight peers'
    // exits had before it was a parameter of its own, so default runs are unchanged. Max 100: at
    // a_x = 100 a single exit among 100 equal peers already prompts every review.
    [Parameter("how strongly same-type peers' exits in the previous step prompt a review; 0 switches it off", Symbol = "a_x", Min = 0, Max = 100)]
    public double ExitAttention { get; init; } = 2;

    [Parameter("chance an institution reviews its mode when no peer has just left", Unit = "per week", Symbol = "r_b", Min = 0, Max = 1)]
    public double Reconsider { get; init; } = 1.0 / 13;

    [Parameter("one-off cost of changing mode", Symbol = "C_sw", Min = 0, Max = 100)]
    public double SwitchingCost { get; init; } = 0.3;

    [Parameter("weight of the platform's reputation gap in the expected reputational cost", Symbol = "lambda_R", Min = 0, Max = 100)]
    public double ReputationRisk { get; init; } = 1.0;

    [Parameter("share of a platform drop that spills onto a fully culpable partner", Symbol = "phi", Min = 0, Max = 10)]
    public double Spillover { get; init; } = 0.5;

    [Parameter("recovery rate of an institution's own reputation", Unit = "per week", Symbol = "kQ", Min = 0, Max = 1)]
    public double ReputationRecovery { get; init; } = 0.02;

    [Parameter("institutions' initial and long-run reputation", Symbol = "Q0", Min = 0, Max = 1)]
    public double Reputation { get; init; } = 1.0;

    [Parameter("how an institution expects its customers' adoption: foresight (as if every customer were aware), awareness (scaled by the share aware now) or learning (scaled by a discount learned from experience)")]
    public ExpectationRule Expectations { get; init; } = ExpectationRule.Foresight;

    [Parameter("rate at which the learning rule's discount d_j moves towards what the institution saw", Unit = "per week", Symbol = "k_E", Min = 0, Max = 1)]
    public double LearningRate { get; init; } = 0.02;
}
