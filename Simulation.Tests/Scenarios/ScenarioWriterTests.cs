using System.Text.RegularExpressions;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class ScenarioWriterTests
{
    private const string Rich = """
        name: round-trip
        description: "quotes \" and \\ backslashes, a tab\t and: colons # not a comment"
        seed: 18446744073709551615
        time: { step: month, start: 2016-01-31, steps: 72 }
        platform: { salience_exponent: 0.3, reach: 1.65e9 }
        users:
          innovation: 0.000576923076923077
          concern: { kind: log_uniform, min: 0.1, max: 2 }
        modes: { offered: [full] }
        institutions:
          generated: { banks: 3, payments: 2, payment_ranks: [2, 5] }
          named: [{ name: "AmEx", type: payment, mode: limited }]
        shocks:
          - { date: 2018-03-17, affected: 8.7e7, label: Cambridge Analytica }
          - { step: 40, type: commitment, severity: 0.3, weight: 0.8 }
        interventions:
          - { step: 44, type: warning, multiplier: 3, duration: 2 }
        scandals: { rate: 1.5, mix: { hearing: 1, misuse: 2 } }
        """;

    private static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "written.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Problems) + "\n" + yaml);
        return result.Scenario!;
    }

    [Fact]
    public void ToYaml_RoundTrip_GivesSameScenario()
    {
        var original = Load(Rich);

        var written = ScenarioWriter.ToYaml(original);
        var reloaded = Load(written);

        // Records holding lists compare lists by reference, so compare their serialisations.
        Assert.Equal(written, ScenarioWriter.ToYaml(reloaded));
        Assert.Equal(original.Description, reloaded.Description);
        Assert.Equal(ulong.MaxValue, reloaded.Seed);
        Assert.Equal(original.Users.Innovation, reloaded.Users.Innovation);
        Assert.Equal(original.Shocks[0].Date, reloaded.Shocks[0].Date);
        Assert.Null(reloaded.Shocks[0].Step);
    }

    [Theory]
    [InlineData("before\u2028after")]
    [InlineData("before\u2029after")]
    [InlineData("before\u0085after")]
    [InlineData("before\uFEFFafter")]
    public void ToYaml_LineSeparatorsInText_RoundTripOnOneLine(string description)
    {
        var original = Load("name: x\n") with { Description = description };

        var written = ScenarioWriter.ToYaml(original);

        Assert.Equal(description, Load(written).Description);
        Assert.DoesNotContain(written, c => c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF');
    }

    [Fact]
    public void ToYaml_Defaults_WritesEveryKey()
    {
        var written = ScenarioWriter.ToYaml(new Scenario());

        // The optional sections (sweep, calibrate) are absent from a plain scenario and written as ~.
        foreach (var entry in ScenarioKeyCatalog.Entries().Where(e => !e.Path.Contains('[') && !e.Path.StartsWith('<')
                                                                    && !e.Path.StartsWith("sweep.") && !e.Path.StartsWith("calibrate.")))
        {
            var leaf = entry.Path.Split('.')[^1];
            Assert.Matches(new Regex($"(?m)^ *{leaf}:( |$)"), written);
        }
        Assert.Contains("  salience_exponent: 0.25\n", written);
        Assert.Contains("  offered: [limited, full]\n", written);
        Assert.Contains("shocks: []\n", written);
        Assert.Contains("sweep: ~\n", written);
    }

    [Fact]
    public void ToYaml_DefaultScenario_LoadsBackEqual()
    {
        var written = ScenarioWriter.ToYaml(new Scenario());

        Assert.Equal(written, ScenarioWriter.ToYaml(Load(written)));
    }

    [Fact]
    public void ToYaml_ListOfRecords_WritesBlockItems()
    {
        var written = ScenarioWriter.ToYaml(Load("name: x\nshocks: [{ step: 4, severity: 0.5 }]\n"));

        Assert.Contains("shocks:\n  - step: 4\n    date: ~\n    type: misuse\n", written);
    }
}
