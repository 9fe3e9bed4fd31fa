using TrustSim.Core;
using TrustSim.Model;

namespace TrustSim.Tests.Core;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(0.79, "0.79")]
    [InlineData(1e9, "1000000000")]
    [InlineData(1e21, "1E+21")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(2.0, "2")]
    public void Number_FiniteValue_ShortestRoundTrip(double value, string expected)
    {
        Assert.Equal(expected, CsvText.Number(value));
        Assert.Equal(value, double.Parse(CsvText.Number(value), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Number_NaN_IsEmpty() => Assert.Equal("", CsvText.Number(double.NaN));

    [Fact]
    public void Date_AnyDate_IsIso() => Assert.Equal("2016-04-11", CsvText.Date(new DateOnly(2016, 4, 11)));

    [Theory]
    [InlineData("ModeSwitch", "mode_switch")]
    [InlineData("WarningEnd", "warning_end")]
    [InlineData("Shock", "shock")]
    public void Enum_PascalCase_IsSnakeCase(string kind, string expected) =>
        Assert.Equal(expected, CsvText.Enum(Enum.Parse<EventKind>(kind)));
}
