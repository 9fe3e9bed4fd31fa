namespace TrustSim.Scenarios;

/// <summary>A scheduled act of the regulator. Give exactly one of step or date.</summary>
internal sealed record InterventionSpec
{
    [Parameter("step at which it happens", Unit = "step", Min = 0)]
    public int? Step { get; init; }

    [Parameter("date at which it happens (the first step on or after it)", Unit = "date")]
    public DateOnly? Date { get; init; }

    [Parameter("fine, mandate_safeguards, ban_full_mode or warning")]
    public InterventionType Type { get; init; } = InterventionType.Fine;

    [Parameter("amount of a fine (recorded)", Unit = "USD", Min = 0)]
    public double Amount { get; init; }

    [Parameter("salience of the fine as news: a fine-type reputation shock; none when absent", Symbol = "v", Min = 0, Max = 1)]
    public double? Severity { get; init; }

    [Parameter("safeguards mandated", Symbol = "g", Min = 0, Max = 1)]
    public double Safeguards { get; init; }

    [Parameter("rise in stringency; default sigma for a fine, 0 otherwise", Symbol = "dS", Min = 0, Max = 100)]
    public double? Stringency { get; init; }

    [Parameter("factor on every partner's regulatory exposure during a warning", Symbol = "M", Min = 0, Max = 1000)]
    public double Multiplier { get; init; } = 3;

    [Parameter("how long a warning lasts", Unit = "steps", Symbol = "T", Min = 1, Max = 100_000)]
    public int Duration { get; init; } = 2;

    [Parameter("what happened, for charts and the event log")]
    public string Label { get; init; } = "";
}
