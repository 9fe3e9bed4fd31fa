namespace TrustSim.Scenarios;

/// <summary>An institution listed by name, with attributes a reader can argue about.</summary>
internal sealed record NamedInstitution
{
    [Parameter("name as it appears in charts and events")]
    public string Name { get; init; } = "";

    [Parameter("bank or payment")]
    public InstitutionType Type { get; init; } = InstitutionType.Bank;

    [Parameter("customer base relative to the largest generated institution (rank 1 = 1)", Min = 1e-9, Max = 1e6)]
    public double Size { get; init; } = 1;

    [Parameter("privacy sensitivity", Symbol = "theta", Min = 0, Max = 100)]
    public double Theta { get; init; } = 3.75;

    [Parameter("regulatory exposure", Symbol = "rho", Min = 0, Max = 100)]
    public double Rho { get; init; } = 1.0;

    [Parameter("partnership mode at step 0")]
    public PartnershipMode Mode { get; init; } = PartnershipMode.None;
}
