using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using TrustSim.Scenarios;
using YamlDotNet.RepresentationModel;

namespace TrustSim.Tests.Scenarios;

public sealed partial class ScenarioSchemaTests
{
    private static readonly string Docs = Path.Combine(Paths.RepositoryRoot(), "docs", ScenarioSchema.FileName);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Docs)));

    public static TheoryData<string> ShippedFiles() => ShippedScenarioTests.ShippedFiles();

    [Fact]
    public void Text_Generated_MatchesTheCopyInDocs() =>
        // Regenerate with: dotnet run --project Simulation -- schema --out docs/scenario.schema.json
        Assert.True(ScenarioSchema.Text() == File.ReadAllText(Docs), "docs/scenario.schema.json is out of date: run `trustsim schema --out docs/scenario.schema.json`");

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Evaluate_ShippedScenario_OpensWithTheModelineAndPasses(string file)
    {
        var path = Path.Combine(Paths.RepositoryRoot(), "scenarios", file);
        Assert.Equal(ScenarioSchema.Modeline("../docs/" + ScenarioSchema.FileName), File.ReadLines(path).First());

        var result = Evaluate(File.ReadAllText(path));

        Assert.True(result.IsValid, Errors(result));
    }

    [Theory]
    [InlineData("platform: { scra: 0.4 }", "/platform")]
    [InlineData("platform: { scar: 1.5 }", "/platform/scar")]
    [InlineData("time: { step: fortnight }", "/time/step")]
    [InlineData("shocks: [{ step: 3, type: scandal }]", "/shocks/0/type")]
    [InlineData("replications: 0", "/replications")]
    public void Evaluate_MisspeltKeyOrValueOutOfRange_FailsAtItsPlace(string yaml, string location)
    {
        var result = Evaluate("name: x\n" + yaml + "\n");

        Assert.False(result.IsValid);
        Assert.Contains(Failures(result), f => f == location);
    }

    [Fact]
    public void Evaluate_AppendAndExtends_Pass()
    {
        var result = Evaluate("extends: base.yaml\nname: x\nshocks+:\n  - { date: 2019-06-03, type: hack, affected: 5e7, label: 2019 }\n");

        Assert.True(result.IsValid, Errors(result));
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Value.Evaluate(JsonDocument.Parse(ToJson(yaml).ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Failures(EvaluationResults result) =>
        (result.Details ?? []).Where(d => !d.IsValid).Select(d => d.InstanceLocation.ToString());

    private static string Errors(EvaluationResults result) => string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
        .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    /// <summary>YAML to JSON as an editor's language server reads it: plain scalars typed by YAML 1.2's core schema, quoted ones text.</summary>
    private static JsonNode ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Node(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Node(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Node).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value),
        _ => null,
    };

    private static JsonNode? Plain(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when Integer().IsMatch(text) => JsonValue.Create(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
        _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(text),
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
