namespace TrustSim.Scenarios;

/// <summary>The platform: reputation dynamics, reach and breaches.</summary>
internal sealed record PlatformSettings
{
    [Parameter("initial reputation, also the long-run anchor it returns to", Unit = "share trusting", Symbol = "R0", Min = 0, Max = 1)]
    public double Reputation { get; init; } = 0.79;

    [Parameter("shock sensitivity", Symbol = "beta", Min = 0, Max = 50)]
    public double Sensitivity { get; init; } = 2.4;

    [Parameter("salience exponent: salience = (affected/reach)^eps", Symbol = "eps", Min = 0, Max = 5)]
    public double SalienceExponent { get; init; } = 0.25;

    [Parameter("share of a drop that is fast (recovers within weeks)", Symbol = "f", Min = 0, Max = 1)]
    public double FastShare { get; init; } = 0.2;

    [Parameter("recovery rate of the fast gap", Unit = "per week", Symbol = "kf", Min = 0, Max = 1)]
    public double FastRecovery { get; init; } = 0.5;

    [Parameter("recovery rate of the slow gap", Unit = "per week", Symbol = "ks", Min = 0, Max = 1)]
    public double SlowRecovery { get; init; } = 0.05;

    [Parameter("share of a drop that lowers the anchor for good (scar); fast share + scar must not exceed 1", Symbol = "eta", Min = 0, Max = 1)]
    public double Scar { get; init; } = 0.4;

    [Parameter("rate at which the anchor returns to the initial reputation", Unit = "per week", Symbol = "k_anchor", Min = 0, Max = 1)]
    public double AnchorRecovery { get; init; } = 0.005;

    [Parameter("trust asymmetry: a commitment gains 1/A of what an equal scandal loses", Symbol = "A", Min = 1, Max = 100)]
    public double Asymmetry { get; init; } = 3;

    [Parameter("initial safeguards", Symbol = "G0", Min = 0, Max = 1)]
    public double Safeguards { get; init; } = 0;

    [Parameter("initial reach (monthly active users)", Unit = "people", Symbol = "N0", Min = 1, Max = 1e11)]
    public double Reach { get; init; } = 1.65e9;

    [Parameter("reach saturation level", Unit = "people", Symbol = "Nmax", Min = 1, Max = 1e11)]
    public double MaxReach { get; init; } = 3.0e9;

    [Parameter("logistic growth rate of reach", Unit = "per year", Symbol = "gN", Min = 0, Max = 10)]
    public double ReachGrowth { get; init; } = 0.42;

    [Parameter("how much a reputation gap slows reach growth", Symbol = "zeta", Min = 0, Max = 10)]
    public double GrowthSensitivity { get; init; } = 0.5;

    public ShockWeights ShockWeights { get; init; } = new();

    public BreachSettings Breaches { get; init; } = new();
}
