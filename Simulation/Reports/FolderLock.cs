using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TrustSim.Reports;

/// <summary>
/// One writer per output folder: an exclusive advisory lock on <c>PARENT/.NAME.trustsim.lock</c>, held by
/// an open handle for the whole command. The lock lives beside the folder, not in it, because a run
/// folder is replaced by renaming a new folder over it: a lock inside would move with the old folder.
/// The lock is flock(2) on the open file (what .NET's FileShare.None takes on Unix, taken again
/// explicitly so that DOTNET_SYSTEM_IO_DISABLEFILELOCKING cannot turn it off), so the kernel drops it
/// when the process ends in any way, SIGKILL included: a stale lock never blocks anyone. The file
/// itself stays (deleting a lock file races with a process that has just opened it), and holds the
/// holder's pid, start time and command line for the message the next writer gets.
/// </summary>
internal sealed class FolderLock : IDisposable
{
    /// <summary>What the lock file's name ends with: <c>.NAME.trustsim.lock</c> beside the folder NAME.</summary>
    public const string Suffix = ".trustsim.lock";

    // The holder's note is a few lines; a lock file any bigger was not written by trustsim.
    private const int NoteLimit = 4096;

    private readonly FileStream _stream;

    private FolderLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file of the folder <paramref name="realFolder"/> (an absolute, resolved path with a parent).</summary>
    public static string PathOf(string realFolder) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(realFolder)!, $".{System.IO.Path.GetFileName(realFolder)}{Suffix}");

    /// <summary>
    /// Takes the lock of <paramref name="realFolder"/>; null with the holder's note in <paramref name="heldBy"/>
    /// when another process (or another command in this one) holds it. With <paramref name="onlyIfNew"/>
    /// the lock file must not exist yet (null, and <paramref name="heldBy"/> null, when it does): a default
    /// folder name is reserved by creating it, and a name once used is not used again. Throws IOException
    /// or UnauthorizedAccessException when the lock file cannot be made.
    /// </summary>
    public static FolderLock? TryTake(string realFolder, LockHolder holder, bool onlyIfNew, out string? heldBy)
    {
        string path = PathOf(realFolder);
        heldBy = null;
        if (onlyIfNew && File.Exists(path)) return null;
        FileStream stream;
        try
        {
            stream = new FileStream(path, onlyIfNew ? FileMode.CreateNew : FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (onlyIfNew && File.Exists(path))
        {
            // Another process reserved the same new name a moment ago.
            return null;
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            // The open takes the flock itself and fails when another open file holds it.
            heldBy = ReadNote(path);
            return null;
        }
        if (!OperatingSystem.IsWindows() && Flock(stream.SafeFileHandle, LockExclusive | LockNonBlocking) != 0)
        {
            stream.Dispose();
            heldBy = ReadNote(path);
            return null;
        }
        try
        {
            stream.SetLength(0);
            stream.Write(Encoding.UTF8.GetBytes(holder.Note()));
            stream.Flush(flushToDisk: false);
        }
        catch (IOException)
        {
            // The note only improves another process's message; the lock is what counts.
        }
        return new FolderLock(stream, path);
    }

    /// <summary>
    /// The error of an open refused because another handle holds the lock: .NET reports flock's
    /// EWOULDBLOCK as an IOException carrying that errno (11 on Linux, 35 on macOS and the BSDs), and
    /// Windows its sharing violation. Anything else (a read-only disk, say) is a real failure.
    /// </summary>
    private static bool IsSharingViolation(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) == 32 : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);

    /// <summary>Releases the lock (closing the handle is what releases it).</summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// The holder's note, read without taking the lock: .NET would try a shared flock on open and fail
    /// against the holder's exclusive one, so the file is opened by open(2) directly.
    /// </summary>
    private static string ReadNote(string path)
    {
        if (OperatingSystem.IsWindows()) return "";
        try
        {
            int fd = Open(path, 0 /* O_RDONLY */);
            if (fd < 0) return "";
            using var handle = new SafeFileHandle(fd, ownsHandle: true);
            using var stream = new FileStream(handle, FileAccess.Read);
            var buffer = new byte[NoteLimit];
            int length = stream.ReadAtLeast(buffer, NoteLimit, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(buffer, 0, length).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return "";
        }
    }

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(SafeFileHandle handle, int operation);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
