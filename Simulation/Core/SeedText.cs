using System.Globalization;

namespace TrustSim.Core;

/// <summary>
/// How seeds look in the files: "0x" and 16 lower-case hex digits. Seeds are 64-bit unsigned, and a
/// number above 2^53 does not survive a spreadsheet, pandas' or readr's guess at a number column (it
/// becomes the nearest double, another seed); as text it is read back exactly everywhere. Readers
/// take that form and the decimal one that files written before it hold, and so does <c>--seed</c>.
/// </summary>
internal static class SeedText
{
    /// <summary>What a seed is, for messages.</summary>
    public const string Expected = "a seed: 0x and 1 to 16 hex digits, or a whole number from 0 to 18446744073709551615";

    /// <summary>A seed as the files write it: 0x0000000000000007.</summary>
    public static string Format(ulong seed) => "0x" + seed.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>A seed written as <see cref="Format"/> does (either case, 1 to 16 digits) or as a decimal whole number.</summary>
    public static bool TryParse(string text, out ulong seed)
    {
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            ReadOnlySpan<char> digits = text.AsSpan(2);
            seed = 0;
            return digits.Length <= 16 && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed);
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed);
    }
}
