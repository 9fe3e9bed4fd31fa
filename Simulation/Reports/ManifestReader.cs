using System.Text.Json;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>
/// Reads the manifest.json that every finished output folder holds (it is written last), for the readers
/// that check the data files against it: a folder without one is unfinished or not ours, and says so.
/// </summary>
internal static class ManifestReader
{
    /// <summary>Far above any manifest we write (a replication seed is about 50 bytes), far below what would hurt.</summary>
    private const long MaxBytes = 64L << 20;

    /// <summary>The manifest of <paramref name="folder"/>; a <see cref="DataFileException"/> naming the file when it is missing or not a manifest.</summary>
    public static Manifest Read(string folder)
    {
        string path = Path.Combine(folder, ManifestJson.FileName);
        if (!File.Exists(path))
        {
            throw new DataFileException($"{path}: missing: the command that wrote {folder} did not finish " +
                "(manifest.json is written last), or it is not a TrustSim output folder");
        }
        string text;
        try
        {
            using var stream = WholeFile.Open(path);
            if (stream.Length > MaxBytes) throw new DataFileException($"{path}: larger than any manifest TrustSim writes ({MaxBytes >> 20} MB)");
            WholeFile.RequireLineBreakAtEnd(path, stream);
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is (IOException and not DataFileException) or UnauthorizedAccessException)
        {
            throw new DataFileException($"{path}: cannot be read: {e.Message}", e);
        }
        try
        {
            return JsonSerializer.Deserialize<Manifest>(text, ManifestJson.Options)
                ?? throw new DataFileException($"{path}: not a TrustSim manifest (it holds null)");
        }
        catch (JsonException e)
        {
            string line = e.LineNumber is { } n ? $":{n + 1}" : "";
            throw new DataFileException($"{path}{line}: not a TrustSim manifest: {FirstSentence(e.Message)}", e);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new DataFileException($"{path}: not a TrustSim manifest: {e.Message}", e);
        }
    }

    /// <summary>Refuses a manifest whose status is not one of <paramref name="allowed"/> (an unfinished or stopped command).</summary>
    public static void RequireStatus(string folder, Manifest manifest, params RunStatus[] allowed)
    {
        if (!allowed.Contains(manifest.Status))
        {
            throw new DataFileException($"{Path.Combine(folder, ManifestJson.FileName)}: the command that wrote this folder ended " +
                $"'{SnakeCase.From(manifest.Status.ToString())}'{(manifest.Error is { Length: > 0 } e ? $" ({e})" : "")}, so its data files are not whole");
        }
    }

    /// <summary>System.Text.Json's messages run on with the JSON path and byte position; the first sentence is the news.</summary>
    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
