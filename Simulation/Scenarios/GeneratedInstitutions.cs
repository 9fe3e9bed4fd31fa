namespace TrustSim.Scenarios;

/// <summary>Institutions drawn from distributions, sized by the rank-size rule s = rank^-a.</summary>
internal sealed record GeneratedInstitutions
{
    [Parameter("number of generated banks", Min = 0, Max = 100_000)]
    public int Banks { get; init; } = 30;

    [Parameter("number of generated payment firms", Min = 0, Max = 100_000)]
    public int Payments { get; init; } = 10;

    [Parameter("ranks (1 = largest) held by payment firms; empty spreads them evenly over the ranks")]
    public IReadOnlyList<int> PaymentRanks { get; init; } = [];

    [Parameter("rank-size exponent: size = rank^-a", Symbol = "a", Min = 0, Max = 5)]
    public double SizeExponent { get; init; } = 1.1;

    [Parameter("privacy sensitivity of banks", Symbol = "theta_bank")]
    public Distribution BankTheta { get; init; } = Distribution.Uniform(3, 4.5);

    [Parameter("privacy sensitivity of payment firms", Symbol = "theta_payment")]
    public Distribution PaymentTheta { get; init; } = Distribution.Uniform(0.1, 0.5);

    [Parameter("regulatory exposure of banks", Symbol = "rho_bank")]
    public Distribution BankRho { get; init; } = Distribution.Uniform(0.5, 1.5);

    [Parameter("regulatory exposure of payment firms", Symbol = "rho_payment")]
    public Distribution PaymentRho { get; init; } = Distribution.Uniform(0.2, 0.6);

    [Parameter("partnership mode of every generated institution at step 0")]
    public PartnershipMode Mode { get; init; } = PartnershipMode.None;
}
