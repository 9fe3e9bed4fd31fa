using System.Text;
using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios;

public sealed partial class ScenarioLoaderTests
{
    [Fact]
    public void Load_Tab_ReportsLocation()
    {
        var problem = Assert.Single(Problems("name: x\nplatform:\n  \tscar: 0.1\n"));

        Assert.Equal("test.yaml:3:3: tab character in indentation; YAML indents with spaces only", problem.ToString());
    }

    [Fact]
    public void Load_TabAfterColon_IsAccepted()
    {
        Assert.Equal(7UL, LoadOk("name: x\nseed:\t7\n").Seed);
    }

    [Fact]
    public void Load_BinaryFile_ReportsProblemWithoutThrowing()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("image.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal((path, 1, 1), (problem.File, problem.Line, problem.Column));
        Assert.Contains("not UTF-8", problem.Message);
    }

    [Fact]
    public void Load_NulByte_ReportsControlCharacter()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("nul.yaml", Encoding.UTF8.GetBytes("name: x\nse\0ed: 1\n"));

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal((2, 3), (problem.Line, problem.Column));
        Assert.Contains("U+0000", problem.Message);
    }

    [Fact]
    public void Load_Latin1File_ReportsEncoding()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("latin1.yaml", Encoding.Latin1.GetBytes("name: x\ndescription: caf\u00e9\n"));

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal((2, 17), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_Utf8WithBom_Accepted()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bom.yaml", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("name: bom\n")]);

        Assert.Equal("bom", ScenarioLoader.Load(path).Scenario?.Name);
    }

    [Theory]
    [InlineData("\uFEFFname: bom\n", 1, 1)]
    [InlineData("name: b\uFEFFom\n", 1, 8)]
    public void Load_ByteOrderMarkBeyondTheFirst_RefusedWhereItSits(string text, int line, int column)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bom2.yaml", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.StartsWith("the file holds an invisible byte-order mark (U+FEFF) here", problem.Message);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_HugeFile_RefusedBeforeReading()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge.yaml", "name: x\ndescription: \"" + new string('a', 1_100_000) + "\"\n");

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Contains("at most 1,048,576 bytes", problem.Message);
    }

    [Fact]
    public void Load_MissingFile_ReportsNotFound()
    {
        var problem = Assert.Single(ScenarioLoader.Load("/nonexistent/trustsim/none.yaml").Problems);

        Assert.Equal("/nonexistent/trustsim/none.yaml:1:1: file not found", problem.ToString());
    }

    [Fact]
    public void Load_BillionLaughs_Refused()
    {
        var yaml = new StringBuilder("name: lol\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
            yaml.Append($"{c}: &{c} [{string.Join(",", Enumerable.Repeat($"*{(char)(c - 1)}", 9))}]\n");

        var problems = Problems(yaml.ToString());

        Assert.Contains(problems, p => p.Line == 2 && p.Message.StartsWith("anchors (&a) are not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 3 && p.Message.StartsWith("aliases (*a) are not allowed", StringComparison.Ordinal));
        Assert.True(problems.Count <= ScenarioLoader.MaxProblems);
    }

    [Fact]
    public void Load_DeepNesting_Refused()
    {
        var yaml = "name: x\ndescription: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var problem = Assert.Single(Problems(yaml));

        Assert.Equal($"nesting deeper than {ScenarioYamlReader.MaxDepth} levels is not allowed", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Load_SyntaxError_ReportsLocation()
    {
        var problem = Assert.Single(Problems("name: x\ndescription: value: x\n"));

        Assert.Equal("test.yaml:2:19: while scanning a plain scalar value, found invalid mapping", problem.ToString());
    }

    [Fact]
    public void Load_UnclosedFlowSequence_PointsAtOpeningBracket()
    {
        var problem = Assert.Single(Problems("name: x\nmodes:\n  offered: [limited, full\nseed: 2\n"));

        Assert.Equal("test.yaml:3:12: this '[' or '{' is never closed", problem.ToString());
    }

    [Fact]
    public void Load_UnclosedFlowMappingAtEnd_ReportsEndOfFile()
    {
        var problem = Assert.Single(Problems("name: x\nplatform: {scar: 0.1\n"));

        Assert.Equal("test.yaml:3:1: while parsing a flow mapping, did not find expected ',' or '}'", problem.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("# just a comment\n")]
    [InlineData("\n\n")]
    public void Load_EmptyFile_Reported(string yaml)
    {
        var problem = Assert.Single(Problems(yaml));

        Assert.Equal("test.yaml:1:1: the file is empty; a scenario needs at least 'name: ...'", problem.ToString());
    }

    [Fact]
    public void Load_ListAtRoot_Reported()
    {
        var problem = Assert.Single(Problems("- name: x\n"));

        Assert.StartsWith("a scenario file must be a mapping of keys", problem.Message);
    }

    [Fact]
    public void Load_TwoDocuments_Reported()
    {
        var problem = Assert.Single(Problems("name: x\n---\nname: y\n"));

        Assert.Equal(2, problem.Line);
        Assert.Contains("only one YAML document", problem.Message);
    }

    [Fact]
    public void Load_Tag_Refused()
    {
        var problem = Assert.Single(Problems("name: x\nseed: !!int 3\n"));

        Assert.StartsWith("tags (tag:yaml.org,2002:int) are not allowed", problem.Message);
    }
}
