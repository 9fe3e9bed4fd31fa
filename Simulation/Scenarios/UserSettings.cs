namespace TrustSim.Scenarios;

/// <summary>The simulated users: awareness, adoption and who influences them.</summary>
internal sealed record UserSettings
{
    [Parameter("number of simulated users; each stands for reach/count people", Unit = "agents", Symbol = "U", Min = 1, Max = 100_000_000)]
    public int Count { get; init; } = 10_000;

    [Parameter("Bass innovation: chance an unaware user hears of the service unprompted", Unit = "per week", Symbol = "p", Min = 0, Max = 1)]
    public double Innovation { get; init; } = 0.03 / 52;

    [Parameter("Bass imitation: extra chance per unit aware share among peers", Unit = "per week", Symbol = "q", Min = 0, Max = 1)]
    public double Imitation { get; init; } = 0.38 / 52;

    [Parameter("noise in the adoption choice", Symbol = "mu_u", Min = 1e-6, Max = 100)]
    public double ChoiceNoise { get; init; } = 0.25;

    [Parameter("pull of peers' adoption share on the adoption choice", Symbol = "J_u", Min = 0, Max = 100)]
    public double PeerInfluence { get; init; } = 0.5;

    [Parameter("chance an aware user reconsiders adoption", Unit = "per week", Symbol = "r_u", Min = 0, Max = 1)]
    public double Reconsider { get; init; } = 0.1;

    [Parameter("privacy concern c_i of each user", Symbol = "c_i")]
    public Distribution Concern { get; init; } = Distribution.ScaledBeta(2, 2, 1.2);

    [Parameter("fixed hurdle every user must clear to adopt", Symbol = "c0", Min = -100, Max = 100)]
    public double Hurdle { get; init; } = 1.4;

    [Parameter("each user's offset from the platform's reputation", Symbol = "u_i")]
    public Distribution TrustOffset { get; init; } = Distribution.Normal(0, 0.15);

    [Parameter("who a user's peers are: institution (the other customers of its institution) or network")]
    public InfluenceKind Influence { get; init; } = InfluenceKind.Institution;

    public NetworkSettings Network { get; init; } = new();
}
