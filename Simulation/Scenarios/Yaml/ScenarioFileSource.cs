using System.Text;
using TrustSim.Core;

namespace TrustSim.Scenarios.Yaml;

/// <summary>
/// Reads a scenario file's text defensively: missing files, anything but a regular file (folders,
/// devices, FIFOs), huge files, binary and non-UTF-8 content all become located problems instead
/// of exceptions, hangs or garbage.
/// </summary>
internal static class ScenarioFileSource
{
    /// <summary>Scenarios are a few kilobytes; a megabyte is a wrong file, not a scenario.</summary>
    public const long MaxBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null with the reason added to <paramref name="problems"/> under <paramref name="displayName"/>.</summary>
    public static string? Read(string path, string displayName, List<ScenarioProblem> problems)
    {
        var bytes = RegularFile.ReadAllBytes(path, MaxBytes);
        if (!bytes.Ok)
            return Fail(problems, SourceSpot.StartOf(displayName), Refusal(bytes.Problems[0]));
        return Decode(bytes.Value, displayName, problems);
    }

    /// <summary>A <see cref="RegularFile"/> refusal as a sentence about the scenario file: "file not found", "the file is a FIFO ...".</summary>
    public static string Refusal(string reason) =>
        reason.StartsWith("is ", StringComparison.Ordinal) || reason.StartsWith("holds ", StringComparison.Ordinal) ? $"the file {reason}" : $"file {reason}";

    /// <summary>Strict UTF-8 decoding that refuses control characters, which only binary files contain.</summary>
    public static string? Decode(byte[] bytes, string displayName, List<ScenarioProblem> problems)
    {
        var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var bad = offset + Math.Max(0, ex.Index);
            var before = Encoding.UTF8.GetString(bytes, offset, Math.Max(0, Math.Min(bad, bytes.Length) - offset));
            return Fail(problems, SpotIn(before, before.Length, displayName), "the file is not UTF-8 text (is it binary, or saved in another encoding?)");
        }
        var control = IndexOfControl(text);
        if (control >= 0)
            return Fail(problems, SpotIn(text, control, displayName), $"the file holds a control character (U+{(int)text[control]:X4}); is it binary?");
        // One leading byte-order mark is allowed; any other would sit invisibly inside a key or value.
        var mark = text.IndexOf('\uFEFF');
        if (mark >= 0)
            return Fail(problems, SpotIn(text, mark, displayName), "the file holds an invisible byte-order mark (U+FEFF) here; remove it (an editor that saves UTF-8 without BOM will)");
        return text;
    }

    // NUL and the other C0 controls (tab, newline and carriage return aside) mean binary content.
    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is (< ' ' and not ('\t' or '\n' or '\r')) or '\u007F')
                return i;
        }
        return -1;
    }

    private static SourceSpot SpotIn(string text, int index, string file)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] != '\n')
                continue;
            line++;
            lineStart = i + 1;
        }
        return new SourceSpot(file, line, index - lineStart + 1);
    }

    private static string? Fail(List<ScenarioProblem> problems, SourceSpot spot, string message)
    {
        problems.Add(spot.Problem(message));
        return null;
    }
}
