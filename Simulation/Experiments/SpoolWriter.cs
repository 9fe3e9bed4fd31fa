using Microsoft.Win32.SafeHandles;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// One worker's spool file, appended run by run: each run's record is one positional write to the
/// operating system (so a killed process keeps every record written before it died), with no flush
/// to the disk of its own; <see cref="Sync"/> does that for a batch of runs, and may be called from
/// another thread. The buffers are reused, so spooling a run allocates nothing.
/// </summary>
internal sealed class SpoolWriter : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly SpoolBuffers _buffers = new();
    private readonly RunSeries _series = new();
    private long _length;

    private SpoolWriter(string path, SafeFileHandle handle, long length)
    {
        Path = path;
        _handle = handle;
        _length = length;
    }

    public string Path { get; }

    /// <summary>Creates the spool file (never an existing one) and writes its header.</summary>
    public static SpoolWriter Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        try
        {
            RandomAccess.Write(handle, RunSpool.FileHeader, 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        return new SpoolWriter(path, handle, RunSpool.FileHeader.Length);
    }

    /// <summary>Appends run <paramref name="runId"/>'s steps; ids must ascend from call to call.</summary>
    public void Append(long runId, IReadOnlyList<StepMetrics> steps)
    {
        _series.From(steps);
        ReadOnlySpan<byte> record = SpoolRecord.Encode(runId, _series, _buffers);
        RandomAccess.Write(_handle, record, _length);
        _length += record.Length;
    }

    /// <summary>Flushes what was appended to the disk.</summary>
    public void Sync() => RandomAccess.FlushToDisk(_handle);

    /// <summary>Flushes to the disk and closes the file (closed even when the flush fails).</summary>
    public void Dispose()
    {
        if (_handle.IsClosed) return;
        try
        {
            Sync();
        }
        finally
        {
            _handle.Dispose();
        }
    }
}
