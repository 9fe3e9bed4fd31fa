using System.Buffers.Binary;

namespace TrustSim.Tests;

/// <summary>Where each run's record is in a sweep folder's spool files (parts/spool-*.bin), for tests that damage one.</summary>
internal static class SpoolRecords
{
    /// <summary>A record: its file, where it starts (its 32-byte header) and its whole length.</summary>
    public sealed record Record(string File, long Offset, int Length);

    /// <summary>The record of run <paramref name="runId"/> in <paramref name="sweepFolder"/>'s spool files (the first, if run twice).</summary>
    public static Record Of(string sweepFolder, long runId)
    {
        foreach (string file in Directory.GetFiles(Path.Combine(sweepFolder, "parts"), "spool-*.bin").Order(StringComparer.Ordinal))
        {
            byte[] bytes = File.ReadAllBytes(file);
            for (int at = 8; at + 32 <= bytes.Length;)
            {
                int length = 32 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 16));
                if (BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 8)) == runId) return new Record(file, at, length);
                at += length;
            }
        }
        throw new InvalidOperationException($"run {runId} has no record in {sweepFolder}/parts");
    }

    /// <summary>Changes byte <paramref name="index"/> of the record (from its header's start) with <paramref name="change"/>.</summary>
    public static void Edit(Record record, int index, Func<byte, byte> change)
    {
        byte[] bytes = File.ReadAllBytes(record.File);
        bytes[record.Offset + index] = change(bytes[record.Offset + index]);
        File.WriteAllBytes(record.File, bytes);
    }

    /// <summary>Cuts the record's file <paramref name="keep"/> bytes into the record (so it and every later record there are gone).</summary>
    public static void CutInside(Record record, int keep)
    {
        byte[] bytes = File.ReadAllBytes(record.File);
        File.WriteAllBytes(record.File, bytes[..(int)(record.Offset + keep)]);
    }
}
