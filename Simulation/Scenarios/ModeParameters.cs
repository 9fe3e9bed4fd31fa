namespace TrustSim.Scenarios;

/// <summary>What one partnership mode means for data, users and the institution.</summary>
internal sealed record ModeParameters
{
    [Parameter("share of transaction data the platform receives", Symbol = "x", Min = 0, Max = 1)]
    public double Exposure { get; init; }

    [Parameter("benefit to a user who adopts", Symbol = "b", Min = -100, Max = 100)]
    public double Benefit { get; init; }

    [Parameter("value to the institution per unit of adoption (relative to 10% adoption)", Symbol = "v", Min = -100, Max = 100)]
    public double Value { get; init; }

    [Parameter("running cost per step", Symbol = "K", Min = -100, Max = 100)]
    public double Cost { get; init; }

    [Parameter("how much of the platform's scandals the public blames on the partner", Symbol = "chi", Min = 0, Max = 10)]
    public double Culpability { get; init; }
}
