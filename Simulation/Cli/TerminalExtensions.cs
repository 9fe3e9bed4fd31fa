using Spectre.Console;

namespace TrustSim.Cli;

/// <summary>How the verbs write to a console: plain lines as they are, live progress only where someone watches.</summary>
internal static class TerminalExtensions
{
    /// <summary>
    /// Writes <paramref name="line"/> and a newline to the console's writer: no markup is parsed and
    /// nothing wraps at the console's width (Spectre wraps at 80 columns when output is not a terminal).
    /// </summary>
    public static void Print(this IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);

    /// <summary>True on an interactive terminal, where a live progress bar may redraw; redirected output gets none.</summary>
    public static bool ShowsProgress(this IAnsiConsole console) =>
        console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive;
}
