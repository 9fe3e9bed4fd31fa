using Spectre.Console;

namespace TrustSim.Cli;

/// <summary>
/// Where a verb writes: results and progress to <see cref="Out"/>, problems to <see cref="Error"/>.
/// Injected into every command, so tests capture each run's output on its own consoles and run in parallel.
/// </summary>
internal sealed record Terminal(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>The process's standard output and standard error, as Spectre's own console would set them up.</summary>
    public static Terminal Standard() => new(
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>Prints each problem on its own line to standard error and gives the exit code of bad input.</summary>
    public int BadInput(IEnumerable<string> problems)
    {
        foreach (string line in problems) Error.Print(line);
        return ExitCode.BadInput;
    }
}
