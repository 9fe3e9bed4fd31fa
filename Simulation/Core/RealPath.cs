namespace TrustSim.Core;

/// <summary>
/// Where a path really leads: absolute, with every symbolic link along it followed, as realpath(3)
/// does. Two spellings of one folder (a symlink, "..", a trailing slash) compare equal, so a command
/// can tell that an output folder it would clear is, holds or lies inside one of its inputs.
/// </summary>
internal static class RealPath
{
    /// <summary>The resolved form of <paramref name="path"/>; parts that do not exist yet are kept as written.</summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        // A bound on links followed, against a cycle of links.
        var hops = 0;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        while (parts.TryDequeue(out var part))
        {
            var next = Path.Combine(resolved, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target && hops++ < 64)
            {
                var targetFull = Path.GetFullPath(target, resolved);
                var rest = parts.ToArray();
                parts = new Queue<string>(targetFull[Path.GetPathRoot(targetFull)!.Length..]
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                resolved = Path.GetPathRoot(targetFull)!;
                continue;
            }
            resolved = Path.GetFullPath(next);
        }
        return resolved.Length > root.Length ? resolved.TrimEnd(Path.DirectorySeparatorChar) : resolved;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are one folder, or one lies inside the other.</summary>
    public static bool Overlap(string a, string b)
    {
        var x = Of(a) + Path.DirectorySeparatorChar;
        var y = Of(b) + Path.DirectorySeparatorChar;
        return x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal);
    }
}
