using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

/// <summary>A scenario's name becomes a folder under output/: it can never climb out of it.</summary>
public sealed class ScenarioNameSafetyTests
{
    [Theory]
    [InlineData("../x")]
    [InlineData("../../etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("/abs")]
    [InlineData("a\\\\b")]
    [InlineData("x\\u0000y")]
    public void LoadText_NameThatIsAPath_IsALocatedProblem(string name)
    {
        var result = ScenarioLoader.LoadText($"name: \"{name}\"\n", "evil.yaml");
        Assert.Null(result.Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("evil.yaml", problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Contains("name", problem.Message);
    }

    [Fact]
    public void DefaultPath_AnyAcceptedName_StaysUnderTheOutputRoot()
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "trustsim-root"));
        foreach (string name in new[] { "ok-name", "A_1", "..x", "-" })
        {
            string path = Path.GetFullPath(RunFolder.DefaultPath(root, name, new DateTime(2025, 1, 2, 3, 4, 5)));
            Assert.StartsWith(root + Path.DirectorySeparatorChar, path);
        }
    }
}
