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

    /// <summary>
    /// Writes a paragraph of prose in lines of at most <paramref name="width"/> characters, broken at
    /// spaces (a word longer than the width, a path say, gets a line of its own), so notes under a
    /// table stay as narrow as the table.
    /// </summary>
    public static void PrintWrapped(this IAnsiConsole console, string paragraph, int width = 100)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                console.Print(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) console.Print(line.ToString());
    }

    /// <summary>True on an interactive terminal, where a live progress bar may redraw; redirected output gets none.</summary>
    public static bool ShowsProgress(this IAnsiConsole console) =>
        console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive;
}
