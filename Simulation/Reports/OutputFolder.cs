using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>
/// An output folder claimed by one command: locked against every other writer (see <see cref="FolderLock"/>)
/// for as long as the command runs, checked (a non-empty folder only with --force, and only when it is
/// a trustsim folder of the command's own kind that is not one of its inputs), and, for the folders that
/// are written in one go (run, compare, calibrate, threshold search), built in a hidden staging folder
/// beside it (<c>.NAME.new-PID</c>) that <see cref="Commit"/> swaps in by renaming. A kill at any moment
/// therefore leaves the folder wholly old or wholly new, plus at most a staging or trash sibling that
/// the next command on the folder clears away. Folders written in place (sweeps, merges, Slurm job
/// folders, which are resumed or added to) are emptied first when --force replaces them.
/// </summary>
internal sealed partial class OutputFolder : IDisposable
{
    private readonly FolderLock _lock;
    private readonly string _real;
    private bool _committed;

    private OutputFolder(string folder, string real, string workFolder, FolderLock folderLock)
    {
        Folder = folder;
        _real = real;
        WorkFolder = workFolder;
        _lock = folderLock;
    }

    /// <summary>The folder as the user named it (for messages).</summary>
    public string Folder { get; }

    /// <summary>Where the command writes: the staging folder until <see cref="Commit"/>, else the folder itself.</summary>
    public string WorkFolder { get; }

    /// <summary>True when the command builds the folder beside it and swaps it in.</summary>
    public bool Staged => WorkFolder != Folder;

    /// <summary>The lock file held while the command runs.</summary>
    public string LockFile => _lock.Path;

    /// <summary>Claims the folder of <paramref name="request"/>; or the lines that say why not (exit 2).</summary>
    public static Outcome<OutputFolder> Claim(OutputRequest request) => TryClaim(request, out _);

    /// <summary>
    /// Claims a new folder under a default name: <paramref name="nextName"/> gives a name no folder or lock
    /// file has yet (<see cref="RunFolder.DefaultPath"/>), which is reserved by creating its lock file; when
    /// another process reserved it a moment earlier, the next name is taken instead.
    /// </summary>
    public static Outcome<OutputFolder> ClaimNew(Func<string> nextName, Func<string, OutputRequest> request)
    {
        ArgumentNullException.ThrowIfNull(nextName);
        ArgumentNullException.ThrowIfNull(request);
        for (int attempt = 1; ; attempt++)
        {
            var claimed = TryClaim(request(nextName()) with { NewName = true }, out bool taken);
            if (!taken || attempt == 100) return claimed;
        }
    }

    private static Outcome<OutputFolder> TryClaim(OutputRequest request, out bool nameTaken)
    {
        ArgumentNullException.ThrowIfNull(request);
        nameTaken = false;
        string folder = request.Folder;
        if (string.IsNullOrWhiteSpace(folder)) return Refuse("the output folder is empty");
        if (File.Exists(folder)) return Refuse($"{folder}: is a file, not a folder");
        if (FileAncestor(folder) is { } file) return Refuse($"{folder}: cannot create the folder: {file} is a file");

        // Every spelling of one folder (a symlink, "..", a trailing slash) takes one lock and is swapped at one place.
        string real = RealPath.Of(folder);
        string? parent = Path.GetDirectoryName(real);
        if (string.IsNullOrEmpty(parent)) return Refuse($"{folder}: is the root of the file system; write into a folder under it");
        if (request.Inputs.FirstOrDefault(input => RealPath.Overlap(real, input)) is { } overlapped)
        {
            return Refuse($"{folder}: is, holds or lies inside {overlapped}, an input of this command; " +
                          "trustsim never writes its output into its own input: choose another --out");
        }

        // Checked before the lock is taken too, so that a refused folder (a home folder, say) gets no lock file beside it.
        if (request.Mode != OutputMode.Resume && NonEmpty(real) && Refusal(folder, request, FolderContents.Of(real)) is { } early) return Refuse(early);

        FolderLock? taken;
        string? heldBy;
        try
        {
            Directory.CreateDirectory(parent);
            taken = FolderLock.TryTake(real, request.Holder, request.NewName, out heldBy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // The lock lives beside the folder, so the folder above it must be writable even to resume in place.
            string what = request.Mode == OutputMode.Resume ? "cannot lock the folder" : "cannot create the folder";
            return Refuse($"{folder}: {what}: cannot write its lock file {FolderLock.PathOf(real)} beside it: {e.Message}");
        }
        if (taken is null)
        {
            nameTaken = heldBy is null;
            return heldBy is null
                ? Refuse($"{folder}: the name was taken by another trustsim process a moment ago")
                : Refuse($"{folder}: is being written by another trustsim process ({Holder(heldBy)}); " +
                         "wait for it to finish or stop it, or choose another --out (its lock: " + FolderLock.PathOf(real) + ")");
        }

        var claimed = Prepare(request, real, taken);
        if (!claimed.Ok) taken.Dispose();
        return claimed;
    }

    /// <summary>
    /// Puts the new folder in place of the old one: exchanged in one rename where the system can
    /// (Linux renameat2), else the old renamed aside and the new renamed in, then the old deleted.
    /// </summary>
    public void Commit()
    {
        if (!Staged || _committed) return;
        string trash = Sibling(_real, "old");
        if (!Directory.Exists(_real))
        {
            Directory.Move(WorkFolder, _real);
        }
        else if (Exchange(WorkFolder, _real))
        {
            // The staging name now holds the old folder.
            trash = WorkFolder;
        }
        else
        {
            Directory.Move(_real, trash);
            try
            {
                Directory.Move(WorkFolder, _real);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The old folder goes back: the command fails with the folder as it was.
                Directory.Move(trash, _real);
                throw;
            }
        }
        _committed = true;
        DeleteQuietly(trash);
    }

    /// <summary><paramref name="text"/> (a path, a message) with the staging folder named as the folder it becomes.</summary>
    public string Shown(string text) => Staged ? text.Replace(WorkFolder, Folder, StringComparison.Ordinal) : text;

    /// <summary>Drops an uncommitted staging folder, then releases the lock.</summary>
    public void Dispose()
    {
        if (Staged && !_committed) DeleteQuietly(WorkFolder);
        _lock.Dispose();
    }

    private static Outcome<OutputFolder> Prepare(OutputRequest request, string real, FolderLock folderLock)
    {
        string folder = request.Folder;
        try
        {
            Recover(real);
            if (request.Mode == OutputMode.Resume) return Outcome<OutputFolder>.Success(new OutputFolder(folder, real, folder, folderLock));

            if (NonEmpty(real) && Refusal(folder, request, FolderContents.Of(real)) is { } refusal) return Refuse(refusal);
            // Written in place: what is there now (the replaced folder, or a killed process's temporary files) goes first.
            if (request.Mode == OutputMode.InPlace && Directory.Exists(real)) Empty(real);
            Directory.CreateDirectory(real);
            // A read-only mount or a folder without write permission is found now, before hours of running.
            if (Probe(request.Mode == OutputMode.Staged ? Path.GetDirectoryName(real)! : real) is { } notWritable)
                return Refuse($"{folder}: the folder is not writable: {notWritable}");
            if (request.Mode == OutputMode.InPlace) return Outcome<OutputFolder>.Success(new OutputFolder(folder, real, folder, folderLock));

            string staging = Sibling(real, "new");
            // Recover removed every staging folder of trustsim's; one still there holds someone else's files.
            if (Directory.Exists(staging)) return Refuse($"{folder}: cannot build the new folder beside it: {staging} is in the way");
            Directory.CreateDirectory(staging);
            return Outcome<OutputFolder>.Success(new OutputFolder(folder, real, staging, folderLock));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"{folder}: cannot prepare the folder: {e.Message}");
        }
    }

    private static bool NonEmpty(string real) => Directory.Exists(real) && !FolderContents.Of(real).IsEmpty;

    /// <summary>Why <paramref name="contents"/> may not be replaced by this command; null when it may.</summary>
    private static string? Refusal(string folder, OutputRequest request, FolderContents contents)
    {
        string what = FolderContents.Describe(request.Kind);
        if (contents.IsForeign)
        {
            string shown = string.Join(", ", contents.Foreign.Take(5)) + (contents.Foreign.Count > 5 ? ", ..." : "");
            return contents.Kind is { } kind
                ? $"{folder}: is {FolderContents.Describe(kind)} with entries trustsim does not write there ({shown}); " +
                  "--force replaces only a folder that holds trustsim's files alone: move those out or choose another --out"
                : $"{folder}: is not empty and is not a trustsim output folder (it holds {shown}); " +
                  "--force never replaces such a folder: choose another --out";
        }
        if (contents.Kind is { } other && other != request.Kind)
        {
            return $"{folder}: is {FolderContents.Describe(other)} ({contents.Evidence}), not {what}; " +
                   $"--force replaces only {what}: choose another --out, or delete that folder yourself";
        }
        return request.Force ? null : $"{folder}: folder exists and is not empty (use --force to replace it: everything in it goes)";
    }

    /// <summary>Removes everything inside <paramref name="real"/>, for a folder written in place that --force replaces.</summary>
    private static void Empty(string real)
    {
        foreach (var entry in new DirectoryInfo(real).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo { LinkTarget: null } dir) dir.Delete(recursive: true);
            else entry.Delete();
        }
    }

    /// <summary>
    /// Clears what a killed command left beside the folder (the caller holds its lock, so no live process
    /// owns these): when the folder itself is missing because the kill fell between the two renames of a
    /// swap, the old folder is put back; then staging and trash folders are deleted.
    /// </summary>
    private static void Recover(string real)
    {
        string parent = Path.GetDirectoryName(real)!;
        string name = Path.GetFileName(real);
        var left = Directory.EnumerateDirectories(parent, $".{name}.*-*")
            .Where(d => Leftover(name).IsMatch(Path.GetFileName(d)))
            .Where(d => !FolderContents.Of(d).IsForeign)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!Directory.Exists(real) && left.FirstOrDefault(d => Path.GetFileName(d).Contains(".old-", StringComparison.Ordinal)) is { } old)
        {
            Directory.Move(old, real);
            left.Remove(old);
        }
        foreach (string d in left) DeleteQuietly(d);
    }

    private static Regex Leftover(string name) => new($@"^\.{Regex.Escape(name)}\.(new|old)-[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>The hidden sibling <c>.NAME.ROLE-PID</c> of <paramref name="real"/>.</summary>
    private static string Sibling(string real, string role) => Path.Combine(Path.GetDirectoryName(real)!,
        string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(real)}.{role}-{Environment.ProcessId}"));

    /// <summary>Swaps two folders in one atomic rename (Linux 3.15+: renameat2 with RENAME_EXCHANGE); false where that is not available.</summary>
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static string? Probe(string folder)
    {
        string probe = Path.Combine(folder, $".trustsim-write-test-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A staging or trash folder that cannot be removed now is removed by the next command on this folder.
        }
    }

    /// <summary>The nearest existing ancestor of <paramref name="folder"/> when it is a regular file (so no folder can be made under it).</summary>
    private static string? FileAncestor(string folder)
    {
        string? path = Path.GetDirectoryName(Path.GetFullPath(folder));
        while (!string.IsNullOrEmpty(path))
        {
            if (File.Exists(path)) return path;
            if (Directory.Exists(path)) return null;
            path = Path.GetDirectoryName(path);
        }
        return null;
    }

    private static string Holder(string note) => LockHolder.Describe(note) is { Length: > 0 } described ? described : "its pid is not recorded";

    private static Outcome<OutputFolder> Refuse(string problem) => Outcome<OutputFolder>.Failure($"trustsim: {problem}");

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
