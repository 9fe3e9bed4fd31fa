using TrustSim.Reports.Html;

namespace TrustSim.Tests.Reports.Html;

public sealed class ReportNumbersTests
{
    [Theory]
    [InlineData(0.27964041103283654, "0.2796")]
    [InlineData(0.20000000000000004, "0.2")]
    [InlineData(15, "15")]
    [InlineData(12345.6, "12346")]
    [InlineData(-47.40889260436638, "-47.41")]
    [InlineData(0.0012345, "0.001235")]
    [InlineData(1823861056.791449, "1.824e+9")]
    [InlineData(1.8412780809494493E-05, "1.841e-5")]
    [InlineData(0, "0")]
    [InlineData(-0.00001, "-1e-5")]
    [InlineData(double.NaN, "")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void Format_Number_FourSignificantFigures(double x, string expected)
    {
        Assert.Equal(expected, ReportNumbers.Format(x));
    }

    [Fact]
    public void Interval_EitherEndUndefined_IsEmpty()
    {
        Assert.Equal("[0.1, 0.25]", ReportNumbers.Interval(0.1, 0.25));
        Assert.Equal("", ReportNumbers.Interval(double.NaN, 0.25));
    }

    [Fact]
    public void P_BelowOneInTenThousand_SaysSo()
    {
        Assert.Equal("<0.0001", ReportNumbers.P(1e-9));
        Assert.Equal("0.0312", ReportNumbers.P(0.03124));
    }
}
