namespace TrustSim.Scenarios;

/// <summary>Random data breaches: their hazard and their size.</summary>
internal sealed record BreachSettings
{
    [Parameter("breach hazard with no safeguards and no records held", Unit = "per week", Symbol = "h0", Min = 0, Max = 1)]
    public double Hazard { get; init; } = 0.0031;

    [Parameter("loss an institution expects per unit of data exposure when a breach happens", Symbol = "l", Min = 0)]
    public double Loss { get; init; } = 50;

    [Parameter("records held at which the hazard doubles (with exponent 1)", Unit = "records", Symbol = "D_ref", Min = 1)]
    public double ReferenceRecords { get; init; } = 1e8;

    [Parameter("how steeply the hazard grows with records held", Symbol = "psi", Min = 0, Max = 10)]
    public double Exponent { get; init; } = 1;

    [Parameter("smallest breach", Unit = "people affected", Min = 1)]
    public double MinAffected { get; init; } = 1e6;

    [Parameter("largest breach (sizes are log-uniform between the two)", Unit = "people affected", Min = 1)]
    public double MaxAffected { get; init; } = 1e8;
}
