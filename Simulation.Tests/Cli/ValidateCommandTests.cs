namespace TrustSim.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Execute_ThreeSeparateMistakes_PrintsThreeLocatedMessagesAndExitsTwo()
    {
        var dir = CliRunner.TempFolder();
        var file = Path.Combine(dir, "three.yaml");
        File.WriteAllText(file, """
            name: three-mistakes
            platform:
              scra: 0.4
              reputation: 1.7
            users:
              count: many
            """.Replace("\r\n", "\n"));
        var result = CliRunner.Run("validate", file);
        Assert.Equal(2, result.ExitCode);
        var located = result.Error.Split('\n').Where(l => l.StartsWith(file + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, located.Count);
        Assert.Contains(located, l => l.StartsWith($"{file}:3:3:") && l.Contains("did you mean 'scar'"));
        Assert.Contains(located, l => l.StartsWith($"{file}:4:"));
        Assert.Contains(located, l => l.StartsWith($"{file}:6:"));
    }

    [Fact]
    public void Execute_EveryShippedScenario_IsValid()
    {
        var files = Directory.GetFiles(Path.Combine(Paths.RepositoryRoot(), "scenarios"), "*.yaml");
        var result = CliRunner.Run(["validate", .. files]);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    // No input file of any kind produces a stack trace: only exit 0 or 2 and located messages.
    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\u0002binary\u00ff")]
    [InlineData("name: x\n\tplatform: 1\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("name: [unclosed\n")]
    [InlineData("a: &a [1,2]\nb: *a\n")]
    [InlineData("name: x\nname: y\n")]
    [InlineData("name: x\nshocks:\n  - step: 99999\n    type: misuse\n    affected: nan\n")]
    public void Execute_MalformedFile_ExitsTwoWithoutStackTrace(string content)
    {
        var file = Path.Combine(CliRunner.TempFolder(), "bad.yaml");
        File.WriteAllText(file, content);
        var result = CliRunner.Run("validate", file);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Matches(@"bad\.yaml:\d+:\d+: ", result.Error);
    }

    [Fact]
    public void Execute_FolderInsteadOfFile_ExitsTwo()
    {
        var result = CliRunner.Run("validate", CliRunner.TempFolder());
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
