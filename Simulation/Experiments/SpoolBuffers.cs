namespace TrustSim.Experiments;

/// <summary>
/// The reusable buffers of one spool reader or writer (the uncompressed series and the record), grown
/// only for a longer run, so spooling or reading run after run allocates nothing per run.
/// </summary>
internal sealed class SpoolBuffers
{
    private byte[] _plain = [];
    private byte[] _record = [];

    public Span<byte> Plain(int bytes) => Grow(ref _plain, bytes).AsSpan(0, bytes);

    public Span<byte> Record(int bytes) => Grow(ref _record, bytes).AsSpan(0, bytes);

    private static byte[] Grow(ref byte[] buffer, int bytes)
    {
        if (buffer.Length < bytes) buffer = new byte[Math.Max(bytes, 2 * buffer.Length)];
        return buffer;
    }
}
