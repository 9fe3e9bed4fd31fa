namespace TrustSim.Scenarios;

/// <summary>
/// A fully resolved scenario: everything a run needs, immutable. Loading, inheritance and
/// overrides produce one of these; the engine only reads it.
/// </summary>
internal sealed record Scenario
{
    [Parameter("short name; names the output folder (letters, digits, - and _)")]
    public string Name { get; init; } = "scenario";

    [Parameter("what question the scenario answers")]
    public string Description { get; init; } = "";

    [Parameter("master seed; each replication's seed derives from it", Min = 0)]
    public ulong Seed { get; init; } = 1;

    [Parameter("number of replications, each with its own derived seed", Min = 1, Max = 100_000)]
    public int Replications { get; init; } = 1;

    public TimeSettings Time { get; init; } = new();

    public PlatformSettings Platform { get; init; } = new();

    public UserSettings Users { get; init; } = new();

    public ModeSettings Modes { get; init; } = new();

    public InstitutionSettings Institutions { get; init; } = new();

    public RegulatorSettings Regulator { get; init; } = new();

    public IReadOnlyList<ShockSpec> Shocks { get; init; } = [];

    public IReadOnlyList<InterventionSpec> Interventions { get; init; } = [];

    public ScandalSettings Scandals { get; init; } = new();

    /// <summary>The experiment design for <c>trustsim sweep</c>; null when the scenario has none.</summary>
    public SweepSettings? Sweep { get; init; }

    /// <summary>What <c>trustsim calibrate</c> fits; null when the scenario has none.</summary>
    public CalibrationSettings? Calibrate { get; init; }
}
