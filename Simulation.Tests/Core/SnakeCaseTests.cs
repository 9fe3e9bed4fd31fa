using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Core;

public sealed class SnakeCaseTests
{
    [Theory]
    [InlineData("PeakExits2Steps", "peak_exits2_steps")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("SalienceExponent", "salience_exponent")]
    [InlineData("A", "a")]
    public void From_PascalCase_SplitsAtWordStarts(string name, string expected) => Assert.Equal(expected, SnakeCase.From(name));

    [Fact]
    public void TryParseEnum_SnakeName_RoundTripsEveryValue()
    {
        foreach (var mode in Enum.GetValues<PartnershipMode>())
        {
            Assert.True(SnakeCase.TryParseEnum(typeof(PartnershipMode), SnakeCase.EnumName(mode), out var parsed));
            Assert.Equal(mode, parsed);
        }
        Assert.False(SnakeCase.TryParseEnum(typeof(PartnershipMode), "Full", out _));
    }
}
