namespace TrustSim.Scenarios;

/// <summary>The two partnership modes and which of them institutions may choose.</summary>
internal sealed record ModeSettings
{
    /// <summary>A service bot that sends no transaction data (the American Express design).</summary>
    public ModeParameters Limited { get; init; } = new() { Exposure = 0.08, Benefit = 0.6, Value = 1.0, Cost = 0.1, Culpability = 0.2 };

    /// <summary>Payments through the messenger, with transaction data.</summary>
    public ModeParameters Full { get; init; } = new() { Exposure = 1.0, Benefit = 1.0, Value = 1.5, Cost = 0.6, Culpability = 1.0 };

    [Parameter("modes institutions may choose besides none (a policy can withhold full)")]
    public IReadOnlyList<PartnershipMode> Offered { get; init; } = [PartnershipMode.Limited, PartnershipMode.Full];

    public ModeParameters For(PartnershipMode mode) => mode switch
    {
        PartnershipMode.Limited => Limited,
        PartnershipMode.Full => Full,
        _ => None,
    };

    private static readonly ModeParameters None = new();
}
