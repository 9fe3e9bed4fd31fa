namespace TrustSim.Scenarios;

/// <summary>The regulator's stringency and how it moves.</summary>
internal sealed record RegulatorSettings
{
    [Parameter("initial and long-run stringency", Symbol = "S0", Min = 0, Max = 100)]
    public double Stringency { get; init; } = 0.2;

    [Parameter("rate at which stringency returns to its long-run level", Unit = "per week", Symbol = "kS", Min = 0, Max = 1)]
    public double Relaxation { get; init; } = 0.01;

    [Parameter("rise in stringency at each hearing or fine", Symbol = "sigma", Min = 0, Max = 100)]
    public double Increment { get; init; } = 0.1;
}
