using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Cli;

/// <summary>Loads a scenario for a verb and prints its problems, every one, as FILE:LINE:COL: message.</summary>
internal static class ScenarioInput
{
    /// <summary>The resolved scenario, or null after printing why not.</summary>
    public static Scenario? Load(string path, IReadOnlyList<string> overrides, TextWriter errors)
    {
        var result = ScenarioLoader.Load(path, overrides);
        if (result.Scenario is { } scenario) return scenario;
        Report(result.Problems, errors);
        return null;
    }

    public static void Report(IReadOnlyList<ScenarioProblem> problems, TextWriter errors)
    {
        foreach (var p in problems) errors.WriteLine(p.ToString());
        errors.WriteLine(problems.Count == 1 ? "1 problem; nothing was run." : $"{problems.Count} problems; nothing was run.");
    }
}
