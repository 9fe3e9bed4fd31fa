using System.Text.RegularExpressions;
using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

public sealed class TrustSimAppTests
{
    [Fact]
    public void Run_Version_PrintsVersionAndCommitAndExitsZero()
    {
        var outcome = CliRunner.Run("--version");

        Assert.Equal(0, outcome.ExitCode);
        // Built inside the repository, so the SDK stamped the commit into the informational version.
        Assert.Matches(new Regex(@"^trustsim \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\)$"), outcome.Out.Trim());
    }

    [Theory]
    [InlineData("0.1.0+0123abc", "trustsim 0.1.0 (commit 0123abc)")]
    [InlineData("0.1.0", "trustsim 0.1.0")]
    public void VersionText_InformationalVersion_NamesTheCommitWhenThereIsOne(string informational, string expected) =>
        Assert.Equal(expected, TrustSimApp.VersionText(informational));
}
