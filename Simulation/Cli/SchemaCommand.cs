using System.ComponentModel;
using Spectre.Console.Cli;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary><c>trustsim schema [--out FILE]</c>: the JSON Schema of the scenario format, for editors.</summary>
internal sealed class SchemaCommand(Terminal terminal) : Command<SchemaCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Write the schema to FILE instead of standard output.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var text = ScenarioSchema.Text();
        if (settings.Out is not { } file)
        {
            terminal.Out.Profile.Out.Writer.Write(text);
            return ExitCode.Done;
        }
        try
        {
            AtomicFile.WriteAllText(file, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return terminal.BadInput([$"--out {file}: cannot write the schema there: {e.Message}"]);
        }
        terminal.Out.Print($"Scenario schema written to {file}; point an editor at it with a first line '{ScenarioSchema.Modeline(file)}'.");
        return ExitCode.Done;
    }
}
