using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// How many values the enums have that the model indexes arrays by, counted once from the enums
/// themselves so a new mode or institution type resizes every such array. Indexing by
/// <c>(int)value</c> needs the values to be 0, 1, ... in order, which a test holds.
/// </summary>
internal static class EnumSize
{
    /// <summary>Partnership modes (None, Limited, Full).</summary>
    public static readonly int Modes = Enum.GetValues<PartnershipMode>().Length;

    /// <summary>Institution types (Bank, Payment).</summary>
    public static readonly int InstitutionTypes = Enum.GetValues<InstitutionType>().Length;
}
