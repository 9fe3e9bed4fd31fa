using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TrustSim.Core;

/// <summary>
/// The one way a file someone named is read (a scenario, its <c>extends:</c> base, an observations
/// CSV, a folder's manifest): only a regular file, never a folder, device, FIFO or socket, and
/// never more than a stated number of bytes. A path that names <c>/dev/zero</c> would otherwise
/// fill memory, a FIFO would hang the open forever, and a <c>/proc</c> file reports size 0 whatever
/// it holds; so the kind and size are checked before opening, the open itself cannot block, the
/// handle is checked again (the path may have been swapped in between), and the read stops at
/// the limit whatever the size said.
/// </summary>
/// <remarks>
/// A refusal is the reason alone ("is a FIFO (named pipe), not a regular file"), without the
/// path: the caller knows how to locate it (FILE:LINE:COL, or the scenario line that named it).
/// On Linux the checks use <c>statx</c> and a non-blocking <c>open</c>; elsewhere only folders
/// are told apart before opening, and the bounded read still holds.
/// </remarks>
internal static class RegularFile
{
    /// <summary>The refusal for a path where nothing is.</summary>
    public const string NotFound = "not found";

    /// <summary>The file's bytes, or the reason it is not read: missing, not a regular file, over <paramref name="maxBytes"/>, unreadable.</summary>
    public static Outcome<byte[]> ReadAllBytes(string path, long maxBytes)
    {
        var opened = Open(path, maxBytes);
        if (!opened.Ok)
            return opened.ConvertError<byte[]>();
        using var stream = opened.Value;
        try
        {
            return ReadAtMost(stream, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome<byte[]>.Failure($"cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// A stream on the regular file at <paramref name="path"/> for reading, or the reason not; the
    /// caller disposes it. For large files read as they stream (data tables), so no size limit.
    /// </summary>
    public static Outcome<FileStream> OpenRead(string path) => Open(path, long.MaxValue);

    private static Outcome<FileStream> Open(string path, long maxBytes)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
            return Outcome<FileStream>.Failure("is not a usable path");
        try
        {
            var before = Stat(path);
            if (before is null)
                return OpenManaged(path, maxBytes);
            if (RefusalOf(before.Value, maxBytes) is { } refused)
                return Outcome<FileStream>.Failure(refused);
            var fd = Native.Open(path, Native.ReadOnlyNonBlocking);
            if (fd < 0)
                return Outcome<FileStream>.Failure(ErrnoText(Marshal.GetLastPInvokeError()));
            var handle = new SafeFileHandle(fd, ownsHandle: true);
            // The path may have been replaced by a FIFO or device between the check and the open.
            var after = Native.StatHandle(fd);
            var changed = after is { } status ? RefusalOf(status, maxBytes) : "cannot be read: its kind could not be checked";
            if (changed is not null)
            {
                handle.Dispose();
                return Outcome<FileStream>.Failure(changed);
            }
            return Outcome<FileStream>.Success(new FileStream(handle, FileAccess.Read, bufferSize: 0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Outcome<FileStream>.Failure($"cannot be read: {e.Message}");
        }
    }

    // Without statx: folders and missing files are still told apart; the read stays bounded.
    private static Outcome<FileStream> OpenManaged(string path, long maxBytes)
    {
        if (ManagedRefusal(path) is { } refused)
            return Outcome<FileStream>.Failure(refused);
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
            return Outcome<FileStream>.Failure(TooLarge(length, maxBytes));
        return Outcome<FileStream>.Success(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0));
    }

    private static string? ManagedRefusal(string path)
    {
        if (Directory.Exists(path))
            return "is a folder, not a regular file";
        return File.Exists(path) ? null : NotFound;
    }

    private static Outcome<byte[]> ReadAtMost(FileStream stream, long maxBytes)
    {
        // One byte past the limit tells "exactly at the limit" from "more than the limit".
        var capacity = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < capacity)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, capacity - buffer.Length));
            if (read == 0)
                break;
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > maxBytes)
            return Outcome<byte[]>.Failure($"holds more than {Bytes(maxBytes)} (its size on disk said less; is it a /proc or /sys file?)");
        return Outcome<byte[]>.Success(buffer.ToArray());
    }

    private static string? RefusalOf(FileStatus status, long maxBytes) => status.Kind switch
    {
        FileKind.Regular when status.Size > maxBytes => TooLarge(status.Size, maxBytes),
        FileKind.Regular => null,
        FileKind.Missing => NotFound,
        FileKind.Folder => "is a folder, not a regular file",
        FileKind.Fifo => "is a FIFO (named pipe), not a regular file",
        FileKind.CharacterDevice => "is a character device, not a regular file",
        FileKind.BlockDevice => "is a block device (a disk), not a regular file",
        FileKind.Socket => "is a socket, not a regular file",
        FileKind.Error => status.Error,
        _ => "is not a regular file",
    };

    private static string TooLarge(long size, long maxBytes) => $"is {Bytes(size)}; at most {Bytes(maxBytes)} are read";

    private static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    private static string ErrnoText(int errno) => errno switch
    {
        Native.NotFound or Native.NotAFolder => NotFound,
        Native.AccessDenied => "cannot be read: permission denied",
        _ => $"cannot be read: {Marshal.GetPInvokeErrorMessage(errno)}",
    };

    /// <summary>The kind and size of what <paramref name="path"/> names (symbolic links followed), or null when statx is not available here.</summary>
    private static FileStatus? Stat(string path)
    {
        if (!Native.Available)
            return null;
        var status = Native.StatPath(path);
        if (status is { Kind: FileKind.Error } failed && failed.Errno is Native.NotFound or Native.NotAFolder)
            return new FileStatus(FileKind.Missing, 0, "", 0);
        return status is { Kind: FileKind.Error } error ? error with { Error = ErrnoText(error.Errno) } : status;
    }

    private enum FileKind
    {
        Regular,
        Missing,
        Folder,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
        Error,
    }

    private readonly record struct FileStatus(FileKind Kind, long Size, string Error, int Errno);

    /// <summary>Linux system calls with stable, architecture-independent layouts (struct statx).</summary>
    private static class Native
    {
        public const int NotFound = 2;       // ENOENT
        public const int NotAFolder = 20;    // ENOTDIR: a file used as a folder in the path, as missing as ENOENT
        public const int AccessDenied = 13;  // EACCES
        public const int NoSystemCall = 38;  // ENOSYS: an old kernel or a sandbox without statx

        // O_RDONLY | O_NONBLOCK (a FIFO opens at once) | O_NOCTTY | O_CLOEXEC: the Linux values, on every architecture .NET runs on.
        public const int ReadOnlyNonBlocking = 0x800 | 0x100 | 0x80000;

        private const int CurrentFolder = -100;  // AT_FDCWD
        private const int EmptyPath = 0x1000;    // AT_EMPTY_PATH: stat the descriptor itself
        private const uint TypeAndSize = 0x1 | 0x200; // STATX_TYPE | STATX_SIZE
        private const int StatxBytes = 256;
        private const int ModeOffset = 28;       // stx_mode (u16)
        private const int SizeOffset = 40;       // stx_size (u64)

        private static readonly Lazy<bool> Works = new(Probe);

        public static bool Available => OperatingSystem.IsLinux() && Works.Value;

        public static FileStatus StatPath(string path) => Status(StatxPath(CurrentFolder, path, 0, TypeAndSize, out var buffer), buffer);

        public static FileStatus? StatHandle(int fd)
        {
            var status = Status(StatxPath(fd, "", EmptyPath, TypeAndSize, out var buffer), buffer);
            return status.Kind == FileKind.Error ? null : status;
        }

        public static int Open(string path, int flags) => OpenCall(path, flags);

        private static int StatxPath(int folder, string path, int flags, uint mask, out byte[] buffer)
        {
            buffer = new byte[StatxBytes];
            return StatxCall(folder, path, flags, mask, buffer);
        }

        private static FileStatus Status(int result, byte[] buffer)
        {
            if (result != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return new FileStatus(FileKind.Error, 0, "", errno);
            }
            int mode = BitConverter.ToUInt16(buffer, ModeOffset);
            long size = BitConverter.ToInt64(buffer, SizeOffset);
            var kind = (mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Folder,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
            return new FileStatus(kind, size, "", 0);
        }

        // statx of "/" tells whether the C library has statx and the kernel (or sandbox) allows it.
        private static bool Probe()
        {
            try
            {
                var result = StatxPath(CurrentFolder, "/", 0, TypeAndSize, out _);
                return result == 0 || Marshal.GetLastPInvokeError() != NoSystemCall;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
        private static extern int StatxCall(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc.so.6", EntryPoint = "open", SetLastError = true)]
        private static extern int OpenCall([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
