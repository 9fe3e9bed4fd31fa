namespace TrustSim.Tests.Cookbook;

/// <summary>
/// The cookbook: every picture under docs/images/ and the documented command that draws it from a
/// shipped scenario. <see cref="DocsImagesTests"/> holds the docs to this table (a picture the docs
/// show without a recipe fails the suite); <see cref="DocsImagesWriteTests"/> runs it to redraw them.
/// </summary>
internal static class DocsImageRecipes
{
    // Before All: static fields are set in the order they are written.
    /// <summary>The two sweeps the gallery's sweep comparison reads: the shipped one and a variant with more hacks in the scandal mix.</summary>
    private static readonly (string Name, string Command)[] SweepPair =
    [
        ("A", "trustsim sweep scenarios/repeated-scandals.yaml"),
        ("B", "trustsim sweep scenarios/repeated-scandals.yaml --set scandals.mix.hack=0.5"),
    ];

    /// <summary>The sweep the scenario discovery reads (README.md, Scenario discovery; docs/charts.md).</summary>
    private static readonly (string Name, string Command)[] DiscoverySweep =
    [
        ("output/banks-full", "trustsim sweep scenarios/banks-full-despite-scandal.yaml"),
    ];

    public static IReadOnlyList<DocsImageRecipe> All { get; } =
    [
        // README.md (the tour of a run) and docs/validation.md S1 and S3.
        new("cambridge-analytica-reputation.png", "trustsim run scenarios/cambridge-analytica.yaml", "charts/reputation.png"),
        new("cambridge-analytica-partners.png", "trustsim run scenarios/cambridge-analytica.yaml", "charts/partners.png"),
        // docs/validation.md S4: as shipped (imitation and exit attention), exit attention alone, imitation alone.
        new("libra-warning-partners.png", "trustsim run scenarios/libra-warning.yaml", "charts/partners.png"),
        new("libra-warning-no-imitation-partners.png", "trustsim run scenarios/libra-warning.yaml --set institutions.imitation=0", "charts/partners.png"),
        new("libra-warning-no-exit-attention-partners.png", "trustsim run scenarios/libra-warning.yaml --set institutions.exit_attention=0", "charts/partners.png"),
        // docs/validation.md, calibration to the Ponemon survey.
        new("calibrate-ponemon-fit.png", "trustsim calibrate scenarios/calibrate-ponemon.yaml", "charts/fit-reputation.png"),
        new("calibrate-ponemon-loss.png", "trustsim calibrate scenarios/calibrate-ponemon.yaml", "charts/loss.png"),
        // docs/charts.md, the gallery: one chart of every kind the tool draws.
        new("cambridge-analytica-adoption.png", "trustsim run scenarios/cambridge-analytica.yaml", "charts/adoption.png"),
        new("cambridge-analytica-records.png", "trustsim run scenarios/cambridge-analytica.yaml", "charts/records.png"),
        new("cambridge-analytica-institution-reputation.png", "trustsim run scenarios/cambridge-analytica.yaml", "charts/institution-reputation.png"),
        new("repeated-scandals-response.png", "trustsim sweep scenarios/repeated-scandals.yaml", "charts/response-final_reputation-vs-scandals_rate.png"),
        new("repeated-scandals-heatmap.png", "trustsim sweep scenarios/repeated-scandals.yaml", "charts/heatmap-final_reputation.png"),
        new("partnership-drivers-lhs-response.png", "trustsim sweep scenarios/partnership-drivers-lhs.yaml", "charts/response-final_partners_full-vs-institutions_imitation.png"),
        new("partnership-drivers-sobol-sensitivity.png", "trustsim sweep scenarios/partnership-drivers-sobol.yaml", "charts/sensitivity-final_partners_full.png"),
        new("partnership-drivers-morris.png", "trustsim sweep scenarios/partnership-drivers-sobol.yaml --set sweep.design=morris", "charts/morris-final_partners_full.png"),
        new("scandal-severity-threshold.png", "trustsim sweep scenarios/scandal-severity-threshold.yaml", "charts/threshold-min_reputation.png"),
        new("compare-differences.png", "trustsim compare scenarios/cambridge-analytica.yaml scenarios/regulatory-intervention.yaml", "charts/differences.png"),
        new("compare-partners-full.png", "trustsim compare scenarios/cambridge-analytica.yaml scenarios/regulatory-intervention.yaml", "charts/compare-partners_full.png"),
        new("compare-sweeps-response.png", "trustsim compare A B", "charts/compare-final_reputation-vs-scandals_rate.png", SweepPair),
        new("compare-sweeps-difference.png", "trustsim compare A B", "charts/difference-final_reputation-vs-scandals_rate.png", SweepPair),
        // README.md, Scenario discovery, and the gallery's PRIM charts.
        new("banks-full-despite-scandal-trajectory.png", "trustsim discover output/banks-full --where \"final_banks_full >= 0.5\"", "charts/trajectory-1.png", DiscoverySweep),
        new("banks-full-despite-scandal-boxes.png", "trustsim discover output/banks-full --where \"final_banks_full >= 0.5\"", "charts/boxes.png", DiscoverySweep),
    ];

    /// <summary>The recipe that draws <paramref name="image"/>, or null.</summary>
    public static DocsImageRecipe? For(string image) => All.FirstOrDefault(r => r.Image == image);
}
