using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class OutcomeTests
{
    [Fact]
    public void Success_AnyValue_IsOkWithTheValueAndNoProblems()
    {
        var outcome = Outcome<string>.Success("scenario");

        Assert.True(outcome.Ok);
        Assert.Equal("scenario", outcome.Value);
        Assert.Empty(outcome.Problems);
    }

    [Fact]
    public void Failure_TwoProblems_IsNotOkAndKeepsThemInOrder()
    {
        var outcome = Outcome<string>.Failure("a.yaml:3:3: unknown key 'scra'", "1 problem; nothing was run.");

        Assert.False(outcome.Ok);
        Assert.Null(outcome.Value);
        Assert.Equal(["a.yaml:3:3: unknown key 'scra'", "1 problem; nothing was run."], outcome.Problems);
    }

    [Fact]
    public void Failure_NoProblem_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Outcome<string>.Failure());
    }

    [Fact]
    public void ConvertError_Failure_PassesTheSameProblemsUp()
    {
        var outcome = Outcome<string>.Failure("trustsim: out: no such folder").ConvertError<int>();

        Assert.False(outcome.Ok);
        Assert.Equal(["trustsim: out: no such folder"], outcome.Problems);
    }

    [Fact]
    public void ConvertError_Success_IsAProgrammingError()
    {
        Assert.Throws<InvalidOperationException>(() => Outcome<string>.Success("x").ConvertError<int>());
    }
}
