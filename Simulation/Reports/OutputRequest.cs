namespace TrustSim.Reports;

/// <summary>How a command writes its folder.</summary>
internal enum OutputMode
{
    /// <summary>Built beside the folder and swapped in at the end: run, compare, calibrate, a threshold search.</summary>
    Staged,

    /// <summary>Written in the folder itself (emptied first when --force replaces it): sweep, merge, slurm.</summary>
    InPlace,

    /// <summary>An existing folder continued or added to (a sweep resumed, an export updated): only locked; the command checks the folder itself.</summary>
    Resume,
}

/// <summary>
/// A command's claim on its output folder: which folder, the kind the command writes there, whether
/// --force was given, how the folder is written, the command's inputs (files and folders the output
/// must not be, hold or lie inside) and who is asking (for the lock's note).
/// </summary>
/// <param name="NewName">True for a default folder name: the name is reserved by creating its lock file, so a name
/// another process took in the same second is not shared.</param>
internal sealed record OutputRequest(string Folder, OutputKind Kind, bool Force, OutputMode Mode, IReadOnlyList<string> Inputs,
    LockHolder Holder, bool NewName = false);
