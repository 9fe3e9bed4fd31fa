using MathNet.Numerics;
using TrustSim.Analysis;

namespace TrustSim.Tests.Analysis;

public sealed class LogIncompleteGammaTests
{
    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(3, 2)]
    [InlineData(10, 25)]
    public void LogLowerAndLogUpper_OrdinaryArguments_AgreeWithMathNet(double a, double x)
    {
        Assert.Equal(Math.Log(SpecialFunctions.GammaLowerRegularized(a, x)), LogIncompleteGamma.LogLower(a, x), 12);
        Assert.Equal(Math.Log(SpecialFunctions.GammaUpperRegularized(a, x)), LogIncompleteGamma.LogUpper(a, x), 12);
    }

    [Fact]
    public void LogUpper_FarTailWhereQUnderflows_MatchesTheExactExponential()
    {
        // Q(1, x) = e^-x exactly, and e^-5000 is 0 in a double.
        Assert.Equal(-5000, LogIncompleteGamma.LogUpper(1, 5000), 9);
        // Q(2, x) = (1 + x) e^-x.
        Assert.Equal(Math.Log(5001) - 5000, LogIncompleteGamma.LogUpper(2, 5000), 9);
    }

    [Fact]
    public void LogLower_FarTailWherePUnderflows_MatchesTheLeadingTerm()
    {
        // P(a, x) = x^a / Gamma(a + 1) (1 + O(x)) for small x; 1e-40^10 is 0 in a double.
        Assert.Equal(10 * Math.Log(1e-40) - SpecialFunctions.GammaLn(11), LogIncompleteGamma.LogLower(10, 1e-40), 9);
    }

    [Fact]
    public void LogShare_CutFarInTheUpperTail_IsTheUpperTailAtItsStart()
    {
        Assert.Equal(-5000, LogIncompleteGamma.LogShare(1, 5000, 1e8), 9);
        Assert.Equal(Math.Log(SpecialFunctions.GammaLowerRegularized(3, 4) - SpecialFunctions.GammaLowerRegularized(3, 1)),
            LogIncompleteGamma.LogShare(3, 1, 4), 12);
    }
}
