using System.Diagnostics;
using System.Net.Sockets;
using TrustSim.Core;

namespace TrustSim.Tests.Core;

/// <summary>
/// The rule for reading a file someone named: a regular file, within the size limit, or a short
/// reason; never a hang on a FIFO, never a read of a device that does not end.
/// </summary>
public sealed class RegularFileTests
{
    [Fact]
    public void ReadAllBytes_RegularFileWithinLimit_ReturnsItsBytes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.yaml", "name: a\n");

        var read = RegularFile.ReadAllBytes(path, 8);

        Assert.True(read.Ok, string.Join("\n", read.Problems));
        Assert.Equal("name: a\n"u8.ToArray(), read.Value);
    }

    [Fact]
    public void ReadAllBytes_OneByteOverTheLimit_RefusedWithBothSizes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.yaml", "name: ab\n");

        var read = RegularFile.ReadAllBytes(path, 8);

        Assert.Equal(["is 9 bytes; at most 8 bytes are read"], read.Problems);
    }

    [Fact]
    public void ReadAllBytes_Missing_NotFound()
    {
        using var folder = new TempFolder();

        Assert.Equal([RegularFile.NotFound], RegularFile.ReadAllBytes(folder.File("none.yaml"), 100).Problems);
        Assert.Equal([RegularFile.NotFound], RegularFile.ReadAllBytes(Path.Combine(folder.Write("file", "x"), "under.yaml"), 100).Problems);
    }

    [Fact]
    public void ReadAllBytes_Folder_Refused()
    {
        using var folder = new TempFolder();

        Assert.Equal(["is a folder, not a regular file"], RegularFile.ReadAllBytes(folder.Path, 100).Problems);
    }

    [Fact]
    public void ReadAllBytes_DevZero_RefusedBeforeReadingAnything()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var read = RegularFile.ReadAllBytes("/dev/zero", 1 << 20);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["is a character device, not a regular file"], read.Problems);
        Assert.True(allocated < 100_000, $"{allocated:N0} bytes allocated to refuse /dev/zero");
    }

    [Fact]
    public void ReadAllBytes_SymbolicLinkToDevice_Refused()
    {
        using var folder = new TempFolder();
        var link = folder.File("base.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        Assert.Equal(["is a character device, not a regular file"], RegularFile.ReadAllBytes(link, 100).Problems);
    }

    [Fact]
    public async Task ReadAllBytes_FifoWithNoWriter_RefusedAtOnce()
    {
        using var folder = new TempFolder();
        var fifo = MakeFifo(folder, "base.yaml");

        var read = await Within(() => RegularFile.ReadAllBytes(fifo, 100), "reading a FIFO");

        Assert.Equal(["is a FIFO (named pipe), not a regular file"], read.Problems);
    }

    [Fact]
    public async Task OpenRead_FifoWithNoWriter_RefusedAtOnce()
    {
        using var folder = new TempFolder();
        var fifo = MakeFifo(folder, "manifest.json");

        var opened = await Within(() => RegularFile.OpenRead(fifo), "opening a FIFO");

        Assert.Equal(["is a FIFO (named pipe), not a regular file"], opened.Problems);
    }

    [Fact]
    public void ReadAllBytes_UnixSocket_Refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("s.yaml");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        Assert.Equal(["is a socket, not a regular file"], RegularFile.ReadAllBytes(path, 100).Problems);
    }

    [Fact]
    public void ReadAllBytes_ProcFileThatSaysSizeZero_StopsAtTheLimit()
    {
        // /proc/self/status has size 0 on disk and about a kilobyte of text.
        var read = RegularFile.ReadAllBytes("/proc/self/status", 100);

        Assert.Equal(["holds more than 100 bytes (its size on disk said less; is it a /proc or /sys file?)"], read.Problems);
    }

    [Fact]
    public void ReadAllBytes_ProcSelfMem_RefusedAsUnreadable()
    {
        var read = RegularFile.ReadAllBytes("/proc/self/mem", 1 << 20);

        Assert.StartsWith("cannot be read: ", Assert.Single(read.Problems));
    }

    [Fact]
    public void OpenRead_DevNull_Refused()
    {
        Assert.Equal(["is a character device, not a regular file"], RegularFile.OpenRead("/dev/null").Problems);
    }

    /// <summary>The result of <paramref name="work"/>, failing the test when it takes over ten seconds (a hang on a FIFO).</summary>
    internal static async Task<T> Within<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        Assert.True(await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10))) == task, $"{what} hung");
        return await task;
    }

    /// <summary>A FIFO made with mkfifo(1), which every Linux has.</summary>
    internal static string MakeFifo(TempFolder folder, string name)
    {
        var path = folder.File(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
