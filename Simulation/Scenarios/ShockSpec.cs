namespace TrustSim.Scenarios;

/// <summary>
/// A scheduled reputation event. Its salience is <see cref="Severity"/> when given, otherwise
/// (affected/reach)^eps. Give exactly one of step or date, and one of affected or severity.
/// </summary>
internal sealed record ShockSpec
{
    [Parameter("step at which it happens", Unit = "step", Min = 0)]
    public int? Step { get; init; }

    [Parameter("date at which it happens (the first step on or after it)", Unit = "date")]
    public DateOnly? Date { get; init; }

    [Parameter("misuse, hack, misinformation, hearing, fine or commitment")]
    public ShockType Type { get; init; } = ShockType.Misuse;

    [Parameter("people affected", Unit = "people", Min = 0, Max = 1e11)]
    public double? Affected { get; init; }

    [Parameter("salience given directly instead of from affected", Symbol = "v", Min = 0, Max = 1)]
    public double? Severity { get; init; }

    [Parameter("weight overriding the type's weight", Symbol = "w", Min = 0, Max = 10)]
    public double? Weight { get; init; }

    [Parameter("safeguards a commitment adds", Symbol = "g", Min = 0, Max = 1)]
    public double Safeguards { get; init; }

    [Parameter("what happened, for charts and the event log")]
    public string Label { get; init; } = "";
}
