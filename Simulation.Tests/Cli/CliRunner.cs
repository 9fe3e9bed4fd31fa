using Spectre.Console.Testing;
using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

/// <summary>Runs the CLI in-process on consoles of its own and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args)
    {
        using var output = Wide(new TestConsole());
        using var error = Wide(new TestConsole());
        var code = TrustSimApp.Run(args, new Terminal(output, error));
        return new Outcome(code, output.Output, error.Output);
    }

    public static string TempFolder() => Tests.TempFolder.Create();

    /// <summary>Wide enough that nothing Spectre renders (tables, help) wraps in a test.</summary>
    private static TestConsole Wide(TestConsole console)
    {
        console.Profile.Width = 1000;
        return console;
    }
}
