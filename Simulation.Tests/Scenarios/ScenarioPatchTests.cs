using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class ScenarioPatchTests
{
    [Theory]
    [InlineData("time.steps")]
    [InlineData("users.count")]
    [InlineData("shocks.0.severity")]
    [InlineData("users.concern.alpha")]
    [InlineData("platform.no_such_key")]
    public void For_KeyTheLoaderMustRead_NoPatch(string path)
    {
        Assert.Null(ScenarioPatch.For([path]));
        Assert.NotNull(ScenarioPatch.For(["platform.scar"]));
    }

    [Fact]
    public void Apply_ValueOutsideTheKeysRange_NoScenario()
    {
        var patch = ScenarioPatch.For(["platform.scar", "institutions.imitation"])!;

        Assert.Null(patch.Apply(new Scenario(), [1.5, 0.5]));
        var patched = patch.Apply(new Scenario(), [0.3, 0.5])!;
        Assert.Equal((0.3, 0.5), (patched.Platform.Scar, patched.Institutions.Imitation));
    }
}
