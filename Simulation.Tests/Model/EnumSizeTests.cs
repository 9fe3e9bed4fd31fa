using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

public sealed class EnumSizeTests
{
    // Arrays are indexed by (int)value and sized by EnumSize, so the values must be 0 .. size-1.
    [Fact]
    public void Modes_PartnershipModeValues_AreZeroToCountMinusOne()
    {
        Assert.Equal(3, EnumSize.Modes);
        Assert.Equal(Enumerable.Range(0, EnumSize.Modes), Enum.GetValues<PartnershipMode>().Select(m => (int)m));
    }

    [Fact]
    public void InstitutionTypes_InstitutionTypeValues_AreZeroToCountMinusOne()
    {
        Assert.Equal(2, EnumSize.InstitutionTypes);
        Assert.Equal(Enumerable.Range(0, EnumSize.InstitutionTypes), Enum.GetValues<InstitutionType>().Select(t => (int)t));
    }
}
