using System.Globalization;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// Reads one worker's spool file (see <see cref="RunSpool"/>) record by record. Each record's header is
/// checked as it is reached; its series is decoded and checksummed only when asked for. Where the file
/// stops being records (a record cut short by a kill, bytes that are no header, run ids out of order)
/// the source ends and says where: a kill leaves exactly that at the end of a file, and the runs there
/// were never journaled.
/// </summary>
internal sealed class SpoolFile : IRunSeriesSource
{
    private readonly FileStream? _stream;
    private readonly long _length;
    private readonly SpoolBuffers _buffers = new();
    private readonly byte[] _header = new byte[SpoolRecord.HeaderBytes];
    private long _next;
    private long _record;
    private SpoolRecord.Header _current;

    private SpoolFile(string path, FileStream? stream, long length, long first, string? problem)
    {
        Name = path;
        _stream = stream;
        _length = length;
        _next = first;
        Problem = problem;
        if (problem is not null) Current = long.MaxValue;
    }

    public string Name { get; }

    public long Current { get; private set; } = -1;

    public string? Problem { get; private set; }

    /// <summary>Opens a spool file; one that cannot be read (not a regular file, not a spool file) is a source that has ended with that problem.</summary>
    public static SpoolFile Open(string path)
    {
        var opened = RegularFile.OpenRead(path);
        if (!opened.Ok) return new SpoolFile(path, null, 0, 0, $"unreadable ({string.Join("; ", opened.Problems)})");
        FileStream stream = opened.Value!;
        try
        {
            long length = stream.Length;
            // Empty: its writer was killed between creating it and writing its first bytes.
            if (length == 0) return new SpoolFile(path, stream, 0, 0, null);
            Span<byte> head = stackalloc byte[RunSpool.FileHeader.Length];
            int read = RandomAccess.Read(stream.SafeFileHandle, head, 0);
            if (read < head.Length || !head.SequenceEqual(RunSpool.FileHeader))
            {
                stream.Dispose();
                return new SpoolFile(path, null, 0, 0, read < head.Length && RunSpool.FileHeader.AsSpan().StartsWith(head[..read])
                    ? null : "not a spool file (wrong first bytes)");
            }
            return new SpoolFile(path, stream, length, head.Length, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream.Dispose();
            return new SpoolFile(path, null, 0, 0, $"unreadable ({e.Message})");
        }
    }

    public bool Advance()
    {
        if (Current == long.MaxValue) return false;
        if (_stream is null || _next >= _length) return End(null);
        if (_length - _next < SpoolRecord.HeaderBytes) return End(At(_next, "a record header cut short"));
        try
        {
            if (RandomAccess.Read(_stream.SafeFileHandle, _header, _next) < _header.Length) return End(At(_next, "a record header cut short"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return End(At(_next, $"unreadable ({e.Message})"));
        }
        if (SpoolRecord.ReadHeader(_header, out string problem) is not { } header) return End(At(_next, problem));
        long end = _next + SpoolRecord.HeaderBytes + header.Packed;
        if (end > _length) return End(At(_next, string.Create(CultureInfo.InvariantCulture, $"run {header.RunId}'s record cut short")));
        // A writer appends the runs it took in the order it took them, which is ascending.
        if (header.RunId <= Current) return End(At(_next, string.Create(CultureInfo.InvariantCulture, $"run {header.RunId} after run {Current}, out of order")));
        _current = header;
        _record = _next;
        _next = end;
        Current = header.RunId;
        return true;
    }

    public string? Read(RunSeries series) => ReadPacked(out var packed) ?? SpoolRecord.Decode(_current, packed, series, _buffers);

    public string? Check() => ReadPacked(out var packed) ?? SpoolRecord.Check(_current, packed);

    private string? ReadPacked(out ReadOnlySpan<byte> packed)
    {
        if (_stream is null || Current is < 0 or long.MaxValue) throw new InvalidOperationException("no current record");
        Span<byte> bytes = _buffers.Record(_current.Packed);
        packed = bytes;
        try
        {
            return RandomAccess.Read(_stream.SafeFileHandle, bytes, _record + SpoolRecord.HeaderBytes) < bytes.Length ? "cut short" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }
    }

    public void Dispose() => _stream?.Dispose();

    private bool End(string? problem)
    {
        Problem = problem;
        Current = long.MaxValue;
        return false;
    }

    private static string At(long offset, string what) => string.Create(CultureInfo.InvariantCulture, $"{what} at byte {offset}");
}
