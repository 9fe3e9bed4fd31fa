using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

public sealed class ParseErrorsTests
{
    [Theory]
    [InlineData(new[] { "runn", "x.yaml" }, "trustsim: Unknown command 'runn'; did you mean 'run'?")]
    [InlineData(new[] { "run", "x.yaml", "--replication", "3" }, "trustsim: Unknown option 'replication'; did you mean 'replications'?")]
    [InlineData(new[] { "sweep", "x.yaml", "--worker", "2" }, "trustsim: Unknown option 'worker'; did you mean 'workers'?")]
    [InlineData(new[] { "run", "x.yaml", "--seed", "-1" }, "trustsim: --seed: '-1' is not a seed: 0x and 1 to 16 hex digits, or a whole number from 0 to 18446744073709551615")]
    [InlineData(new[] { "run", "x.yaml", "--workers", "abc" }, "trustsim: --workers: 'abc' is not a whole number")]
    public void Run_MistypedVerbOptionOrValue_ExitsTwoNamingItWithAHint(string[] args, string firstLine)
    {
        var outcome = CliRunner.Run(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(firstLine, outcome.Error.Split('\n')[0]);
    }

    [Fact]
    public void Verbs_EveryVerbInTheTable_IsRegisteredAndTheHelpListsNoOther()
    {
        var help = CliRunner.Run("--help").Out;

        foreach (var verb in ParseErrors.Verbs.Keys)
            Assert.Equal(0, CliRunner.Run(verb, "--help").ExitCode);
        var listed = help[help.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Select(l => l.Trim().Split(' ')[0]).Where(w => w.Length > 0).ToList();
        Assert.Equal(ParseErrors.Verbs.Keys.Order(), listed.Order());
    }
}
