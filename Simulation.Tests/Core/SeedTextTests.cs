using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class SeedTextTests
{
    [Theory]
    [InlineData(0UL, "0x0000000000000000")]
    [InlineData(42UL, "0x000000000000002a")]
    [InlineData(9007199254740993UL, "0x0020000000000001")]
    [InlineData(ulong.MaxValue, "0xffffffffffffffff")]
    public void Format_Seed_ZeroXAndSixteenLowerCaseHexDigits(ulong seed, string expected) =>
        Assert.Equal(expected, SeedText.Format(seed));

    [Theory]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("0XFFFFFFFFFFFFFFFF", ulong.MaxValue)]
    [InlineData("0x2a", 42UL)]
    [InlineData("42", 42UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void TryParse_HexOrDecimal_TheSeed(string text, ulong expected)
    {
        Assert.True(SeedText.TryParse(text, out ulong seed));
        Assert.Equal(expected, seed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x10000000000000000")]
    [InlineData("18446744073709551616")]
    [InlineData("-1")]
    [InlineData("0xg")]
    [InlineData("1e3")]
    [InlineData(" 7")]
    public void TryParse_NotASeed_False(string text) => Assert.False(SeedText.TryParse(text, out _));

    [Fact]
    public void TryParse_EveryFormattedSeed_RoundTrips()
    {
        var rng = new RandomStream(5);
        for (int i = 0; i < 1000; i++)
        {
            ulong seed = rng.NextBits();
            Assert.True(SeedText.TryParse(SeedText.Format(seed), out ulong back));
            Assert.Equal(seed, back);
        }
    }
}
