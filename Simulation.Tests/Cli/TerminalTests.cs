using Spectre.Console.Testing;
using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

/// <summary>The injected consoles: every line of a verb, and Spectre's own help, goes to the terminal it was given.</summary>
public sealed class TerminalTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");

    [Fact]
    public void Run_Help_SpectresHelpGoesToTheInjectedOut()
    {
        var outcome = CliRunner.Run("--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("USAGE:", outcome.Out);
        Assert.Contains("validate", outcome.Out);
        Assert.Equal("", outcome.Error);
    }

    [Fact]
    public void Run_LineLongerThanTheConsole_IsPrintedWhole()
    {
        // Spectre would wrap rendered text at the console's width; plain lines (paths) must not be.
        using var output = new TestConsole();
        using var error = new TestConsole();
        output.Profile.Width = 40;
        string file = Path.Combine(Scenarios, "baseline.yaml");

        int code = TrustSimApp.Run(["validate", file], new Terminal(output, error));

        Assert.Equal(0, code);
        string line = Assert.Single(output.Lines);
        Assert.StartsWith($"{file}: ok (", line);
        Assert.True(line.Length > 40, line);
    }

    [Fact]
    public void Run_TwoCommandsAtOnce_EachPrintsOnlyOnItsOwnConsoles()
    {
        string missing = Path.Combine(CliRunner.TempFolder(), "missing.yaml");
        string good = Path.Combine(Scenarios, "baseline.yaml");

        var results = new CliRunner.Outcome[20];
        Parallel.For(0, results.Length, i => results[i] = CliRunner.Run("validate", i % 2 == 0 ? good : missing));

        for (int i = 0; i < results.Length; i++)
        {
            var r = results[i];
            if (i % 2 == 0) Assert.Equal((0, $"{good}: ok", ""), (r.ExitCode, r.Out[..(good.Length + 4)], r.Error));
            else Assert.Equal((2, "", $"{missing}:1:1: file not found\n1 problem found.\n"), (r.ExitCode, r.Out, r.Error));
        }
    }
}
