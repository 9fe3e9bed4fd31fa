using System.Reflection;
using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using TrustSim.Model;

namespace TrustSim.Tests.Model;

/// <summary>
/// docs/ODD.md describes the model as implemented: it keeps the seven ODD headings in order,
/// every submodel it names as (`Class.Method`) exists in TrustSim.Model, and its phases are those
/// of the compiled <see cref="World.Step"/> in the same order, so a renamed, removed, added or
/// reordered phase breaks this test instead of leaving the document behind.
/// </summary>
public sealed partial class OddDocumentTests
{
    private static readonly string[] OddHeadings =
    [
        "Purpose and patterns",
        "Entities, state variables and scales",
        "Process overview and scheduling",
        "Design concepts",
        "Initialization",
        "Input data",
        "Submodels",
    ];

    [GeneratedRegex(@"^###\s+.+\(`(?<class>[A-Za-z_][A-Za-z0-9_]*)\.(?<method>[A-Za-z_][A-Za-z0-9_]*)`\)\s*$")]
    private static partial Regex SubmodelHeading();

    // A row of the process overview's phase table: | 1 | Relaxation (`Platform.Relaxation`) | ...
    [GeneratedRegex(@"^\|\s*\d+\s*\|[^|]*\(`(?<class>[A-Za-z_][A-Za-z0-9_]*)\.(?<method>[A-Za-z_][A-Za-z0-9_]*)`\)\s*\|")]
    private static partial Regex PhaseRow();

    [Fact]
    public void Document_OddHeadings_ArePresentInOrder()
    {
        var lines = ReadOdd();
        var previous = -1;
        foreach (var heading in OddHeadings)
        {
            var at = Array.FindIndex(lines, l => l.TrimEnd() == "## " + heading);
            Assert.True(at >= 0, $"docs/ODD.md has no heading '## {heading}'");
            Assert.True(at > previous, $"'## {heading}' is out of order in docs/ODD.md");
            previous = at;
        }
    }

    [Fact]
    public void Submodels_EachHeading_NamesAnExistingModelMethod()
    {
        var headings = SubmodelHeadings(ReadOdd());
        Assert.True(headings.Count >= 9, $"expected the nine step phases and the initialization submodels, found {headings.Count}");
        var assembly = typeof(TrustSim.Model.World).Assembly;
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var (type, method) in headings)
        {
            // Submodels may live in a concept folder of their own below Model (Model/Expectations).
            var t = assembly.GetType("TrustSim.Model." + type)
                    ?? assembly.GetTypes().FirstOrDefault(x => x.Name == type && x.Namespace?.StartsWith("TrustSim.Model.", StringComparison.Ordinal) == true);
            Assert.True(t is not null, $"docs/ODD.md names class TrustSim.Model.{type}, which does not exist");
            Assert.True(t!.GetMethods(Any).Any(m => m.Name == method),
                $"docs/ODD.md names {type}.{method}, but TrustSim.Model.{type} has no method {method}");
        }
    }

    // The submodels open with the step's phases, in the order World.Step calls them.
    [Fact]
    public void Submodels_StepPhases_FollowTheOrderOfWorldStep()
    {
        var phases = StepPhases();
        var named = SubmodelHeadings(ReadOdd()).Select(h => $"{h.Type}.{h.Method}").ToList();
        Assert.Equal(phases, named.Take(phases.Count));
    }

    // The process overview's table lists exactly the phases of World.Step, in its order.
    [Fact]
    public void ProcessOverview_PhaseTable_ListsWorldStepPhasesInOrder()
    {
        var lines = ReadOdd();
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "## Process overview and scheduling");
        Assert.True(start >= 0, "docs/ODD.md has no '## Process overview and scheduling' heading");
        var rows = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => PhaseRow().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["class"].Value}.{m.Groups["method"].Value}")
            .ToList();
        Assert.Equal(StepPhases(), rows);
    }

    // The reading of the compiled step finds the phases and nothing else: every one is a void
    // model method, and the argument helpers and counter resets between them are left out.
    [Fact]
    public void StepPhases_CompiledWorldStep_AreItsVoidModelCalls()
    {
        var phases = StepPhases();
        Assert.Equal("Platform.Relaxation", phases[0]);
        Assert.Equal("World.Accounting", phases[^1]);
        Assert.DoesNotContain("World.ChoiceContext", phases);
        Assert.Equal(phases.Count, phases.Distinct().Count());
    }

    /// <summary>
    /// The phases of <see cref="World.Step"/> as compiled, read from its IL with Mono.Cecil: in
    /// order, each call to a method of a TrustSim.Model type that returns nothing and is not a
    /// property setter. The rest of the body (resetting the step counters, reading properties,
    /// building the choice context) only sets up the calls.
    /// </summary>
    private static List<string> StepPhases()
    {
        using var module = ModuleDefinition.ReadModule(typeof(World).Assembly.Location);
        var step = module.GetType(typeof(World).FullName).Methods.Single(m => m.Name == nameof(World.Step) && !m.HasParameters);
        var phases = new List<string>();
        foreach (var instruction in step.Body.Instructions)
        {
            if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt) || instruction.Operand is not MethodReference called) continue;
            if (called.DeclaringType.Namespace != typeof(World).Namespace) continue;
            var target = called.Resolve();
            if (target.IsGetter || target.IsSetter || target.IsConstructor || target.ReturnType.MetadataType != MetadataType.Void) continue;
            phases.Add($"{target.DeclaringType.Name}.{target.Name}");
        }
        return phases;
    }

    /// <summary>The (`Class.Method`) headings between "## Submodels" and the next "## " heading.</summary>
    private static List<(string Type, string Method)> SubmodelHeadings(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "## Submodels");
        Assert.True(start >= 0, "docs/ODD.md has no '## Submodels' heading");
        var found = new List<(string, string)>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var match = SubmodelHeading().Match(lines[i]);
            if (match.Success) found.Add((match.Groups["class"].Value, match.Groups["method"].Value));
        }
        return found;
    }

    private static string[] ReadOdd() => File.ReadAllLines(Path.Combine(Paths.RepositoryRoot(), "docs", "ODD.md"));
}
