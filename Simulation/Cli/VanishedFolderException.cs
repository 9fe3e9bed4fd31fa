using TrustSim.Experiments;

namespace TrustSim.Cli;

/// <summary>
/// The sweep folder, or its journal, disappeared while the sweep ran (deleted, moved, unmounted). An
/// IOException, so it stops the sweep like disk trouble; separate, because the finished runs went with it.
/// </summary>
internal sealed class VanishedFolderException()
    : IOException($"the sweep folder or its {SweepJournal.FileName} vanished while the sweep ran (deleted or moved?)")
{
    /// <summary>Throws when the journal of <paramref name="folder"/> is gone: one stat a finished run, negligible next to a run.</summary>
    public static void ThrowIfVanished(string folder)
    {
        if (!File.Exists(Path.Combine(folder, SweepJournal.FileName))) throw new VanishedFolderException();
    }
}
