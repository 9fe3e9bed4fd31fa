using TrustSim.Scenarios;
using TrustSim.Tests.Core;

namespace TrustSim.Tests.Scenarios;

/// <summary>
/// Issue 14, item 3: every path a scenario names (the scenario itself, extends bases, calibrate.data)
/// is read only when it is a regular file of scenario size, and a file that is not a scenario is
/// never echoed: a short excerpt at most, and the line that named it.
/// </summary>
public sealed partial class ScenarioLoaderTests
{
    /// <summary>26 lines like /etc/shadow's: not YAML keys a scenario has, each a secret.</summary>
    private static readonly string Shadow = string.Concat(Enumerable.Range(0, 26).Select(i => $"user{i:D2}:$6$saltsalt$hashhashhashhashhashhashhashhashhashhash{i:D2}:20228:0:99999:7:::\n"));

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/dev/null", "is a character device, not a regular file")]
    [InlineData("/proc/self/mem", "cannot be read: ")]
    public void Load_ExtendsASpecialFile_RefusedOnTheExtendsLineWithoutReadingIt(string target, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.yaml", $"name: a\nextends: {target}\n");
        long before = GC.GetAllocatedBytesForCurrentThread();

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 5_000_000, "the base was read");
        Assert.Equal((path, 2, 10), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith($"base scenario '{target}' {reason}", problem.Message);
    }

    [Fact]
    public async Task Load_ExtendsAFifo_RefusedAtOnce()
    {
        using var folder = new TempFolder();
        RegularFileTests.MakeFifo(folder, "base.yaml");
        var path = folder.Write("a.yaml", "name: a\nextends: base.yaml\n");

        var load = await RegularFileTests.Within(() => ScenarioLoader.Load(path), "loading");

        var problem = Assert.Single(load.Problems);
        Assert.Equal((path, 2), (problem.File, problem.Line));
        Assert.StartsWith("base scenario 'base.yaml' is a FIFO (named pipe), not a regular file", problem.Message);
    }

    [Fact]
    public void Load_ExtendsABaseOverTheSizeLimit_RefusedOnTheExtendsLine()
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", "name: base\n" + new string('#', 1 << 20));
        var path = folder.Write("a.yaml", "name: a\nextends: base.yaml\n");

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("is 1,048,587 bytes; at most 1,048,576 bytes are read", problem.Message);
    }

    [Theory]
    [InlineData("/dev/zero", "the file is a character device, not a regular file")]
    [InlineData("/proc/self/mem", "file cannot be read: ")]
    public void Load_ScenarioFileIsSpecial_LocatedRefusal(string path, string message)
    {
        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal((path, 1, 1), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith(message, problem.Message);
    }

    [Fact]
    public async Task Load_ScenarioFileIsAFifo_RefusedAtOnce()
    {
        using var folder = new TempFolder();
        var fifo = RegularFileTests.MakeFifo(folder, "a.yaml");

        var load = await RegularFileTests.Within(() => ScenarioLoader.Load(fifo), "loading");

        Assert.Equal($"{fifo}:1:1: the file is a FIFO (named pipe), not a regular file", Assert.Single(load.Problems).ToString());
    }

    [Fact]
    public void Load_ExtendsAFileThatIsNotAScenario_QuotesAtMostEightyCharactersAndNamesTheLine()
    {
        using var folder = new TempFolder();
        var shadow = folder.Write("shadow", Shadow);
        var path = folder.Write("a.yaml", "name: a\nseed: 3\nextends: shadow\n");

        var problems = ScenarioLoader.Load(path).Problems;

        Assert.All(problems, p => Assert.Equal(shadow, p.File));
        Assert.All(problems, p => Assert.StartsWith($"(extends: on {path} line 3) ", p.Message));
        var text = string.Join("\n", problems.Select(p => p.Message));
        // Each line is 80 characters: a 40-character excerpt of each of the first two, then nothing.
        var lines = Shadow.Split('\n');
        Assert.Contains($"'{lines[0][..40]}...'", text);
        Assert.Contains($"'{lines[1][..40]}...'", text);
        Assert.DoesNotContain("user02", text);
        Assert.DoesNotContain("hashhash00", text);
        Assert.Equal(4, problems.Count);
        Assert.Contains("unknown key '...'", problems[2].Message);
        Assert.EndsWith("... the same at 23 more lines, the last at line 26", problems[3].Message);
        Assert.Equal(26, problems[3].Line);
    }

    [Fact]
    public void Load_ChainOfBases_EachProblemNamesTheLineOfItsOwnExtends()
    {
        using var folder = new TempFolder();
        folder.Write("grand.yaml", "name: grand\nplatform: { scra: 0.2 }\n");
        folder.Write("base.yaml", "extends: grand.yaml\nname: base\n");
        var path = folder.Write("leaf.yaml", "name: leaf\nextends: base.yaml\n");

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal(("grand.yaml", 2), (Path.GetFileName(problem.File), problem.Line));
        Assert.StartsWith("(extends: on ", problem.Message);
        Assert.Contains("base.yaml line 1) unknown key 'scra' in platform; did you mean 'scar'?", problem.Message);
    }

    [Fact]
    public void Load_CalibrateDataIsNotACsv_QuotesAtMostEightyCharactersAndNamesTheDataLine()
    {
        using var folder = new TempFolder();
        var data = folder.Write("obs.csv", string.Concat(Enumerable.Repeat("x", 200)) + "\n" + Shadow);
        var path = folder.Write("fit.yaml", """
            name: fit
            calibrate:
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              data: obs.csv
            """);

        var problems = ScenarioLoader.Load(path).Problems.Where(p => p.File == data).ToList();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith($"(calibrate.data: on {path} line 4) ", p.Message));
        var text = string.Join("\n", problems.Select(p => p.Message));
        Assert.Contains($"'{new string('x', 40)}...'", text);
        Assert.DoesNotContain(new string('x', 41), text);
        Assert.DoesNotContain("user", text);
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("fifo.csv", "is a FIFO (named pipe), not a regular file")]
    [InlineData(".", "is a folder, not a regular file")]
    public async Task Load_CalibrateDataIsNotARegularFile_RefusedOnTheDataLine(string data, string reason)
    {
        using var folder = new TempFolder();
        RegularFileTests.MakeFifo(folder, "fifo.csv");
        var path = folder.Write("fit.yaml", $$"""
            name: fit
            calibrate:
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              data: {{data}}
            """);

        var load = await RegularFileTests.Within(() => ScenarioLoader.Load(path), "loading");

        var problem = Assert.Single(load.Problems);
        Assert.Equal((path, 4), (problem.File, problem.Line));
        Assert.StartsWith("calibrate.data: '", problem.Message);
        Assert.EndsWith(reason, problem.Message);
    }
}
