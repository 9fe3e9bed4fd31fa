using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class KeySuggesterTests
{
    private static readonly string[] Keys = ["scar", "safeguards", "salience_exponent", "reach", "max_reach"];

    [Theory]
    [InlineData("scra", "scar")]
    [InlineData("saleince_exponent", "salience_exponent")]
    [InlineData("maxReach", "max_reach")]
    [InlineData("max-reach", "max_reach")]
    [InlineData("MAX_REACH", "max_reach")]
    public void Nearest_NearMiss_FindsKey(string written, string expected)
    {
        Assert.Equal(expected, KeySuggester.Nearest(written, Keys));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("xy")]
    public void Nearest_Unrelated_GivesNull(string written)
    {
        Assert.Null(KeySuggester.Nearest(written, Keys));
    }

    [Fact]
    public void Distance_Classic_IsThree()
    {
        Assert.Equal(3, KeySuggester.Distance("kitten", "sitting"));
    }
}
