namespace TrustSim.Scenarios;

/// <summary>How much each kind of event weighs on reputation (w in the shock equation).</summary>
internal sealed record ShockWeights
{
    [Parameter("weight of a data misuse scandal", Min = 0, Max = 10)]
    public double Misuse { get; init; } = 1.0;

    [Parameter("weight of a hack", Min = 0, Max = 10)]
    public double Hack { get; init; } = 0.6;

    [Parameter("weight of a misinformation crisis", Min = 0, Max = 10)]
    public double Misinformation { get; init; } = 0.5;

    [Parameter("weight of a public hearing", Min = 0, Max = 10)]
    public double Hearing { get; init; } = 0.15;

    [Parameter("weight of a fine", Min = 0, Max = 10)]
    public double Fine { get; init; } = 0.15;

    [Parameter("weight of a positive commitment", Min = 0, Max = 10)]
    public double Commitment { get; init; } = 1.0;

    public double For(ShockType type) => type switch
    {
        ShockType.Misuse => Misuse,
        ShockType.Hack => Hack,
        ShockType.Misinformation => Misinformation,
        ShockType.Hearing => Hearing,
        ShockType.Fine => Fine,
        ShockType.Commitment => Commitment,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
