namespace TrustSim.Cli;

/// <summary>Words a failed write for people: a full disk said plainly, naming what was being written, rather than an errno text about a temporary file.</summary>
internal static class WriteFailure
{
    // .NET on Unix puts the errno in the HResult of the IOException it raises: ENOSPC 28, EDQUOT 122 (Linux).
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;

    public static bool IsDiskFull(Exception e) =>
        e is IOException { HResult: NoSpace or QuotaExceeded } || e.Message.Contains("No space left on device", StringComparison.Ordinal);

    /// <summary>"disk full while writing WHAT", or "cannot write WHAT: why" for any other failure.</summary>
    public static string Describe(string what, Exception e) =>
        IsDiskFull(e) ? $"disk full while writing {what} ({SystemText(e)})" : $"cannot write {what}: {e.Message}";

    // The system's words without the path after them, which names a temporary file the user never sees.
    private static string SystemText(Exception e)
    {
        int path = e.Message.IndexOf(" : '", StringComparison.Ordinal);
        return path > 0 ? e.Message[..path] : e.Message;
    }
}
