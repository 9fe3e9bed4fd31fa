using TrustSim.Analysis;

namespace TrustSim.Tests.Analysis;

public sealed class SensitivityWarningsTests
{
    [Fact]
    public void For_CiWiderThanIndex_SuggestsNScaledByWidthSquared()
    {
        // width 0.4 against index 0.1: N (0.4 / 0.1)^2 = 16 N, 1024 -> 16384.
        var warning = Assert.Single(SensitivityWarnings.For("sobol", [new SensitivityRow("x", "S1", 0.1, -0.1, 0.3)], 1024, 0.05, powerOfTwo: true));
        Assert.Contains("wider than the index 0.1", warning);
        Assert.Contains("sweep.samples = 16384", warning);
    }

    [Fact]
    public void For_NegativeBeyondCi_Warns()
    {
        var warning = Assert.Single(SensitivityWarnings.For("sobol", [new SensitivityRow("x", "ST", -0.08, -0.12, -0.03)], 100, 0.05, powerOfTwo: false));
        Assert.Contains("negative beyond its 95% CI", warning);
        Assert.Contains("sweep.samples = 1024", warning); // 100 (2 x 0.08 / 0.05)^2
    }

    [Fact]
    public void For_NarrowOrNegligibleIntervals_StayQuiet()
    {
        SensitivityRow[] rows =
        [
            new("a", "S1", 0.5, 0.45, 0.55),   // narrower than the index
            new("b", "S1", 0.001, -0.01, 0.02), // wider than a negligible index but under the floor
            new("c", "S1", -0.01, -0.03, 0.01), // negative but its CI reaches zero
            new("d", "mu", 3, double.NaN, double.NaN),
        ];
        Assert.Empty(SensitivityWarnings.For("sobol", rows, 1024, 0.05, powerOfTwo: true));
    }
}
