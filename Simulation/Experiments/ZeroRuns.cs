using System.Runtime.CompilerServices;
namespace TrustSim.Experiments;

/// <summary>
/// A run-length code for bytes that are mostly zero, as a spool record's byte planes are (see
/// <see cref="SpoolRecord"/>): a sequence of (zeros, literal count, literal bytes) with both counts as
/// LEB128 varints, a literal run ending where two zeros begin. Within a fifth of Deflate's size on
/// those planes at a small fraction of its time, and with no native state to set up per record,
/// which for a small run had cost more than the coding itself.
/// </summary>
internal static class ZeroRuns
{
    /// <summary>Most bytes <paramref name="plain"/> bytes can take coded (every token costs at most ten bytes and covers at least one).</summary>
    public static long MaxEncoded(long plain) => 11 * plain + 16;

    /// <summary>Codes <paramref name="plain"/> into <paramref name="into"/> (at least <see cref="MaxEncoded"/> long) and returns the bytes used.</summary>
    // Run for every run of a sweep: compiled optimised at first call, not run precompiled and compiled again.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<byte> plain, Span<byte> into)
    {
        int at = 0;
        int i = 0;
        while (i < plain.Length)
        {
            int start = i;
            while (i < plain.Length && plain[i] == 0) i++;
            int zeros = i - start;
            start = i;
            // A lone zero stays in the literals: a token for it would cost more than the byte.
            while (i < plain.Length && !(plain[i] == 0 && (i + 1 == plain.Length || plain[i + 1] == 0))) i++;
            at += Varint(zeros, into[at..]);
            at += Varint(i - start, into[at..]);
            plain[start..i].CopyTo(into[at..]);
            at += i - start;
        }
        return at;
    }

    /// <summary>Decodes <paramref name="coded"/> into exactly <paramref name="into"/>; false when the bytes are not such a code of that length.</summary>
    public static bool Decode(ReadOnlySpan<byte> coded, Span<byte> into)
    {
        int at = 0;
        int o = 0;
        while (at < coded.Length)
        {
            if (!ReadVarint(coded, ref at, out int zeros) || zeros > into.Length - o) return false;
            into.Slice(o, zeros).Clear();
            o += zeros;
            if (!ReadVarint(coded, ref at, out int literals) || literals > into.Length - o || literals > coded.Length - at) return false;
            coded.Slice(at, literals).CopyTo(into[o..]);
            at += literals;
            o += literals;
        }
        return o == into.Length;
    }

    private static int Varint(int value, Span<byte> into)
    {
        int n = 0;
        uint v = (uint)value;
        while (v >= 0x80)
        {
            into[n++] = unchecked((byte)(v | 0x80));
            v >>= 7;
        }
        into[n++] = (byte)v;
        return n;
    }

    private static bool ReadVarint(ReadOnlySpan<byte> from, ref int at, out int value)
    {
        value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            if (at >= from.Length) return false;
            byte b = from[at++];
            long next = (long)(uint)value | (long)(b & 0x7F) << shift;
            if (next > int.MaxValue) return false;
            value = (int)next;
            if (b < 0x80) return true;
        }
        return false;
    }
}
