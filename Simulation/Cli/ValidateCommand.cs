using System.ComponentModel;
using Spectre.Console.Cli;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary><c>trustsim validate FILE...</c>: loads and checks scenarios without running them.</summary>
internal sealed class ValidateCommand(Terminal terminal) : Command<ValidateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML files to check.")]
        public string[] Scenarios { get; init; } = [];

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key after inheritance, e.g. --set users.count=5000 (repeatable).")]
        public string[] Overrides { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problems = 0;
        foreach (var file in settings.Scenarios)
        {
            var result = ScenarioLoader.Load(file, settings.Overrides);
            if (result.Scenario is { } s)
            {
                terminal.Out.Print($"{file}: ok ({s.Name}: {s.Time.Steps} {s.Time.Step.ToString().ToLowerInvariant()}ly steps, " +
                                   $"{s.Users.Count:N0} users, {s.Replications} replication{(s.Replications == 1 ? "" : "s")})");
                continue;
            }
            foreach (var p in result.Problems) terminal.Error.Print(p.ToString());
            problems += result.Problems.Count;
        }
        if (problems == 0) return ExitCode.Done;
        return terminal.BadInput([problems == 1 ? "1 problem found." : $"{problems} problems found."]);
    }
}
