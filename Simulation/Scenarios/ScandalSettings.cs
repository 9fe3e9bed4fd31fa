namespace TrustSim.Scenarios;

/// <summary>Scandals that arrive at random: a Poisson process with a mix of types and severities.</summary>
internal sealed record ScandalSettings
{
    [Parameter("expected number of random scandals", Unit = "per year", Symbol = "lambda", Min = 0, Max = 365)]
    public double Rate { get; init; }

    [Parameter("relative frequency of each shock type (misuse, hack, misinformation, hearing, fine)")]
    public IReadOnlyDictionary<ShockType, double> Mix { get; init; } = new Dictionary<ShockType, double>
    {
        [ShockType.Misuse] = 0.3,
        [ShockType.Hack] = 0.3,
        [ShockType.Misinformation] = 0.4,
    };

    [Parameter("salience of each random scandal", Symbol = "v")]
    public Distribution Severity { get; init; } = Distribution.Uniform(0.2, 0.6);
}
