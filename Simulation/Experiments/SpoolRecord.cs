using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// One run's time series as a spool file holds it: a 32-byte header (magic, rows, run id, coded
/// length, columns, checksum) and the series coded. Each column (steps, day numbers, every metric) is
/// stored as the XOR of each value's bits with the previous row's (for steps and days, whose steps
/// are even, the difference of differences) and split into byte planes (all first bytes, all second
/// bytes, ...): a metric that changes slowly or not at all becomes long runs of zeros, which
/// <see cref="ZeroRuns"/> packs to a little more than the same rows take in timeseries.parquet at
/// memory speed. The checksum covers the coded bytes with the run id, rows and columns, so a flipped
/// bit anywhere, header included, is found before decoding, never read as another run's numbers.
/// </summary>
internal static class SpoolRecord
{
    public const int HeaderBytes = 32;

    /// <summary>More rows than any run records (time.steps is at most 100,000): a larger count is damage, not a reason to allocate.</summary>
    public const int MaxRows = 100_001;

    /// <summary>More metrics a step than the tool will ever record, so a header's sizes stay within an int.</summary>
    private const int MaxColumns = 1000;

    private const uint Magic = 0x32525354; // "TSR2" little-endian

    /// <summary>Uncompressed bytes of a run of <paramref name="rows"/> rows: step and day (4 bytes each) and 8 a metric.</summary>
    public static long PlainBytes(int rows, int columns) => (long)rows * (8 + 8L * columns);

    /// <summary>
    /// Encodes <paramref name="series"/> as run <paramref name="runId"/>'s record into <paramref name="buffers"/>
    /// and returns the record's bytes (header and compressed series), valid until the buffers are used again.
    /// </summary>
    public static ReadOnlySpan<byte> Encode(long runId, RunSeries series, SpoolBuffers buffers)
    {
        int rows = series.Rows;
        int columns = series.Values.Length;
        int plain = checked((int)PlainBytes(rows, columns));
        Span<byte> raw = buffers.Plain(plain);
        int at = 0;
        at += EvenPlanes(series.Steps.AsSpan(0, rows), raw[at..]);
        at += EvenPlanes(series.Days.AsSpan(0, rows), raw[at..]);
        foreach (double[] column in series.Values) at += Planes64(column.AsSpan(0, rows), raw[at..]);

        Span<byte> record = buffers.Record(checked(HeaderBytes + (int)ZeroRuns.MaxEncoded(plain)));
        int packed = ZeroRuns.Encode(raw, record[HeaderBytes..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], rows);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], runId);
        BinaryPrimitives.WriteInt32LittleEndian(record[16..], packed);
        BinaryPrimitives.WriteInt32LittleEndian(record[20..], columns);
        BinaryPrimitives.WriteUInt64LittleEndian(record[24..], Checksum(runId, rows, columns, record.Slice(HeaderBytes, packed)));
        return record[..(HeaderBytes + packed)];
    }

    /// <summary>A record's header as read: what it claims, before the series is checked.</summary>
    public readonly record struct Header(long RunId, int Rows, int Packed, int Columns, ulong Checksum);

    /// <summary>The header in <paramref name="bytes"/>; or null and why it is not one (its columns are checked by <see cref="Decode"/>).</summary>
    public static Header? ReadHeader(ReadOnlySpan<byte> bytes, out string problem)
    {
        problem = "";
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            problem = "not the start of a run's record (wrong first bytes)";
            return null;
        }
        var header = new Header(BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));
        if (header.RunId < 0 || header.Rows is < 0 or > MaxRows || header.Columns is < 0 or > MaxColumns || header.Packed < 0
            || header.Packed > ZeroRuns.MaxEncoded(PlainBytes(header.Rows, MaxColumns)))
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"a record header that cannot be right (run {header.RunId}, {header.Rows} rows, {header.Columns} metrics, {header.Packed} bytes)");
            return null;
        }
        return header;
    }

    /// <summary>
    /// Whether a record's coded series (<paramref name="packed"/>) is whole and of this tool's metrics:
    /// null when it is, else why not. Needs no decoding, so a folder's runs are checked at the speed they are read.
    /// </summary>
    public static string? Check(Header header, ReadOnlySpan<byte> packed)
    {
        if (header.Columns != StepMetrics.Columns.Count)
            return string.Create(CultureInfo.InvariantCulture, $"written with {header.Columns} metrics a step, not this tool's {StepMetrics.Columns.Count}");
        if (Checksum(header.RunId, header.Rows, header.Columns, packed) != header.Checksum)
            return "damaged (its checksum does not match its contents)";
        return null;
    }

    /// <summary>
    /// Decodes a record's coded series (<paramref name="packed"/>) into <paramref name="series"/>;
    /// null when it is whole, else why not (see <see cref="Check"/>; a code that does not decode).
    /// </summary>
    public static string? Decode(Header header, ReadOnlySpan<byte> packed, RunSeries series, SpoolBuffers buffers)
    {
        if (Check(header, packed) is { } problem) return problem;
        int columns = series.Values.Length;
        int plain = (int)PlainBytes(header.Rows, columns);
        Span<byte> raw = buffers.Plain(plain);
        if (!ZeroRuns.Decode(packed, raw)) return "damaged (its series does not decode)";
        series.Resize(header.Rows);
        int rows = header.Rows;
        int at = 0;
        at += EvenUnplanes(raw[at..], series.Steps.AsSpan(0, rows));
        at += EvenUnplanes(raw[at..], series.Days.AsSpan(0, rows));
        foreach (double[] column in series.Values) at += Unplanes64(raw[at..], column.AsSpan(0, rows));
        return null;
    }

    /// <summary>Step numbers or days: each value less its prediction from the two before (wrapping), in four byte planes.</summary>
    private static int EvenPlanes(ReadOnlySpan<int> values, Span<byte> into)
    {
        int n = values.Length;
        for (int r = 0; r < n; r++)
        {
            uint residual = unchecked((uint)(values[r] - Predict(values, r)));
            for (int b = 0; b < 4; b++) into[b * n + r] = unchecked((byte)(residual >> (8 * b)));
        }
        return 4 * n;
    }

    private static int Predict(ReadOnlySpan<int> values, int r) =>
        unchecked(r == 0 ? 0 : r == 1 ? values[0] : 2 * values[r - 1] - values[r - 2]);

    private static int Planes64(ReadOnlySpan<double> values, Span<byte> into)
    {
        int n = values.Length;
        ulong previous = 0;
        int r = 0;
        // Eight rows at a time: their deltas, byte-transposed, are each plane's next eight bytes.
        Span<ulong> block = stackalloc ulong[8];
        for (; r + 8 <= n; r += 8)
        {
            for (int k = 0; k < 8; k++)
            {
                ulong bits = BitConverter.DoubleToUInt64Bits(values[r + k]);
                block[k] = bits ^ previous;
                previous = bits;
            }
            Transpose8(block);
            for (int b = 0; b < 8; b++) BinaryPrimitives.WriteUInt64LittleEndian(into.Slice(b * n + r, 8), block[b]);
        }
        for (; r < n; r++)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(values[r]);
            ulong delta = bits ^ previous;
            previous = bits;
            for (int b = 0; b < 8; b++) into[b * n + r] = unchecked((byte)(delta >> (8 * b)));
        }
        return 8 * n;
    }

    private static int EvenUnplanes(ReadOnlySpan<byte> from, Span<int> values)
    {
        int n = values.Length;
        for (int r = 0; r < n; r++)
        {
            uint residual = 0;
            for (int b = 0; b < 4; b++) residual |= (uint)from[b * n + r] << (8 * b);
            values[r] = unchecked(Predict(values, r) + (int)residual);
        }
        return 4 * n;
    }

    private static int Unplanes64(ReadOnlySpan<byte> from, Span<double> values)
    {
        int n = values.Length;
        ulong previous = 0;
        int r = 0;
        // Eight rows at a time: each plane's next eight bytes, byte-transposed, are the rows' deltas.
        Span<ulong> block = stackalloc ulong[8];
        for (; r + 8 <= n; r += 8)
        {
            for (int b = 0; b < 8; b++) block[b] = BinaryPrimitives.ReadUInt64LittleEndian(from.Slice(b * n + r, 8));
            Transpose8(block);
            for (int k = 0; k < 8; k++)
            {
                previous ^= block[k];
                values[r + k] = BitConverter.UInt64BitsToDouble(previous);
            }
        }
        for (; r < n; r++)
        {
            ulong delta = 0;
            for (int b = 0; b < 8; b++) delta |= (ulong)from[b * n + r] << (8 * b);
            previous ^= delta;
            values[r] = BitConverter.UInt64BitsToDouble(previous);
        }
        return 8 * n;
    }

    /// <summary>
    /// Transposes the 8 x 8 bytes of <paramref name="m"/> (byte j of word i to byte i of word j) by
    /// swapping ever smaller blocks across the diagonal: halves of words four apart, then quarters of
    /// words two apart, then bytes of neighbours. Its own inverse, so it both splits rows into planes
    /// and joins them again.
    /// </summary>
    private static void Transpose8(Span<ulong> m)
    {
        for (int i = 0; i < 4; i++) SwapBlocks(ref m[i], ref m[i + 4], 32, 0x0000_0000_FFFF_FFFFUL);
        for (int i = 0; i < 8; i += 4)
        {
            SwapBlocks(ref m[i], ref m[i + 2], 16, 0x0000_FFFF_0000_FFFFUL);
            SwapBlocks(ref m[i + 1], ref m[i + 3], 16, 0x0000_FFFF_0000_FFFFUL);
        }
        for (int i = 0; i < 8; i += 2) SwapBlocks(ref m[i], ref m[i + 1], 8, 0x00FF_00FF_00FF_00FFUL);
    }

    /// <summary>Swaps the high block of each pair in <paramref name="low"/> with the low block of that pair in <paramref name="high"/>.</summary>
    private static void SwapBlocks(ref ulong low, ref ulong high, int shift, ulong mask)
    {
        ulong t = ((low >> shift) ^ high) & mask;
        low ^= t << shift;
        high ^= t;
    }

    /// <summary>A 64-bit mix of the bytes, eight at a time (xxHash's round), seeded with the run id, rows and columns: damage detection, not security.</summary>
    private static ulong Checksum(long runId, int rows, int columns, ReadOnlySpan<byte> bytes)
    {
        const ulong Prime1 = 0x9E3779B185EBCA87UL, Prime2 = 0xC2B2AE3D27D4EB4FUL;
        ulong hash = unchecked(((ulong)runId * Prime1 + (ulong)rows) * Prime2 + (ulong)columns);
        int words = bytes.Length / 8;
        for (int i = 0; i < words; i++)
        {
            ulong word = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
            hash = unchecked(BitOperations.RotateLeft(hash ^ (word * Prime2), 31) * Prime1);
        }
        for (int i = 8 * words; i < bytes.Length; i++) hash = unchecked(BitOperations.RotateLeft(hash ^ (bytes[i] * Prime2), 31) * Prime1);
        return unchecked(hash ^ (hash >> 29));
    }
}

