using System.Globalization;

namespace TrustSim.Reports;

/// <summary>Who holds a folder's lock, as the next writer is told: process id, start (UTC) and the command.</summary>
internal sealed record LockHolder(int ProcessId, DateTime StartedUtc, string CommandLine)
{
    /// <summary>This process, started at <paramref name="startedUtc"/> with <paramref name="commandLine"/>.</summary>
    public static LockHolder ThisProcess(DateTime startedUtc, string commandLine) => new(Environment.ProcessId, startedUtc, commandLine);

    /// <summary>The note written into the lock file, one fact a line.</summary>
    public string Note() => string.Create(CultureInfo.InvariantCulture,
        $"pid {ProcessId}\nstarted {StartedUtc.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC\ncommand {CommandLine.ReplaceLineEndings(" ")}\n");

    /// <summary>"pid N, started T: COMMAND" from a lock file's note; "another process" when it says nothing usable.</summary>
    public static string Describe(string note)
    {
        var facts = note.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);
        if (!facts.TryGetValue("pid", out var pid) || !int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return "";
        var text = $"pid {pid}";
        if (facts.TryGetValue("started", out var started)) text += $", started {Clip(started)}";
        if (facts.TryGetValue("command", out var command)) text += $": {Clip(command)}";
        return text;
    }

    // The note is another process's text: shown, but never at length.
    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
