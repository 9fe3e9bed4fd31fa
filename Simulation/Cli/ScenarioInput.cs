using Spectre.Console;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>Loads a scenario for a verb and prints its problems, every one, as FILE:LINE:COL: message.</summary>
internal static class ScenarioInput
{
    /// <summary>The resolved scenario, or null after printing why not.</summary>
    public static Scenario? Load(string path, IReadOnlyList<string> overrides, IAnsiConsole errors)
    {
        var result = ScenarioLoader.Load(path, overrides);
        if (result.Scenario is { } scenario) return scenario;
        Report(result.Problems, errors);
        return null;
    }

    public static void Report(IReadOnlyList<ScenarioProblem> problems, IAnsiConsole errors)
    {
        foreach (var p in problems) errors.Print(p.ToString());
        errors.Print(problems.Count == 1 ? "1 problem; nothing was run." : $"{problems.Count} problems; nothing was run.");
    }
}
