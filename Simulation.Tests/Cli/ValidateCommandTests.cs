using TrustSim.Tests.Core;

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

    /// <summary>
    /// Issue 14, item 3, as a process: a FIFO hung validate forever and extends: /dev/zero read about
    /// a gigabyte first. The tool is a child process, so a hang fails the test instead of stopping it.
    /// </summary>
    [Fact]
    public void Execute_FifoScenarioAndBasesThatAreDevicesOrFifos_ExitTwoAtOnceNamingEach()
    {
        using var folder = new TempFolder();
        var fifo = RegularFileTests.MakeFifo(folder, "fifo.yaml");
        var zero = folder.Write("zero.yaml", "name: zero\nextends: /dev/zero\n");
        var pipe = folder.Write("pipe.yaml", "name: pipe\nextends: fifo.yaml\n");

        using var child = TrustsimProcess.Start("validate", fifo, zero, pipe, folder.Path);
        int code = child.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.Equal(2, code);
        Assert.Equal(
        [
            $"{fifo}:1:1: the file is a FIFO (named pipe), not a regular file",
            $"{zero}:2:10: base scenario '/dev/zero' is a character device, not a regular file (/dev/zero)",
            $"{pipe}:2:10: base scenario 'fifo.yaml' is a FIFO (named pipe), not a regular file ({fifo})",
            $"{folder.Path}:1:1: the file is a folder, not a regular file",
            "4 problems found.",
        ], child.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Execute_ExtendsAFileOfSecrets_NeverQuotesMoreThanTwoShortExcerpts()
    {
        using var folder = new TempFolder();
        var secrets = folder.Write("secrets", string.Concat(Enumerable.Range(0, 30).Select(i => $"secret{i:D2}-{new string('s', 60)}: x\n")));
        var path = folder.Write("a.yaml", "name: a\nextends: secrets\n");

        var result = CliRunner.Run("validate", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("secret00-", result.Error);
        Assert.Contains("secret01-", result.Error);
        Assert.DoesNotContain("secret02", result.Error);
        Assert.DoesNotContain(new string('s', 41), result.Error);
        Assert.Contains($"{secrets}:30:1: (extends: on {path} line 2) ... the same at 27 more lines, the last at line 30", result.Error);
    }
}
