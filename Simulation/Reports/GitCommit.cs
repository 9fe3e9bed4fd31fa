namespace TrustSim.Reports;

/// <summary>
/// Finds the commit checked out in the repository around a folder by reading .git directly,
/// so recording it spawns no process and needs no git installed.
/// </summary>
internal static class GitCommit
{
    /// <summary>The 40-hex commit of HEAD, or null when the folder is not in a git checkout or HEAD is unborn.</summary>
    public static string? Find(string startFolder)
    {
        try
        {
            string? gitDir = FindGitDir(Path.GetFullPath(startFolder));
            return gitDir is null ? null : ResolveHead(gitDir);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindGitDir(string folder)
    {
        for (DirectoryInfo? dir = new(folder); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            // Worktrees and submodules have a .git file pointing at the real git folder.
            if (File.Exists(candidate))
            {
                string line = File.ReadAllText(candidate).Trim();
                const string prefix = "gitdir:";
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, line[prefix.Length..].Trim()));
                }
            }
        }
        return null;
    }

    private static string? ResolveHead(string gitDir)
    {
        string headPath = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headPath))
        {
            return null;
        }
        string head = File.ReadAllText(headPath).Trim();
        const string refPrefix = "ref:";
        if (!head.StartsWith(refPrefix, StringComparison.Ordinal))
        {
            return IsHash(head) ? head : null;
        }
        string refName = head[refPrefix.Length..].Trim();

        // A worktree keeps its HEAD but shares refs with the main repository (named in commondir).
        string commonDir = gitDir;
        string commonFile = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile))
        {
            commonDir = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));
        }
        foreach (string dir in new[] { gitDir, commonDir }.Distinct())
        {
            string loose = Path.Combine(dir, refName);
            if (File.Exists(loose))
            {
                string hash = File.ReadAllText(loose).Trim();
                return IsHash(hash) ? hash : null;
            }
        }
        return FromPackedRefs(Path.Combine(commonDir, "packed-refs"), refName);
    }

    private static string? FromPackedRefs(string packedRefs, string refName)
    {
        if (!File.Exists(packedRefs))
        {
            return null;
        }
        foreach (string line in File.ReadLines(packedRefs))
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(space + 1).Trim().SequenceEqual(refName) && IsHash(line[..space]))
            {
                return line[..space];
            }
        }
        return null;
    }

    private static bool IsHash(string text) =>
        text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);
}
