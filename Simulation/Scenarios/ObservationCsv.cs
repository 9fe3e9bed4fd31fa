using System.Globalization;
using System.Text;
using CsvHelper;
using TrustSim.Core;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Reads the observations CSV named by <c>calibrate.data</c>: a header with <c>value</c>, one of
/// <c>step</c> or <c>date</c> (or both columns, one filled per row), and optionally <c>metric</c>
/// (default reputation), <c>se</c>, <c>weight</c> and <c>label</c>; lines starting with '#' are
/// comments. Every bad cell is a problem
/// located at FILE:LINE:COL, so a researcher can fix a whole file in one pass.
/// </summary>
internal static class ObservationCsv
{
    private static readonly string[] Known = ["step", "date", "metric", "value", "se", "weight", "label"];

    /// <summary>
    /// Observations are data, not a scenario, so they get more room than a scenario file; past this
    /// it is a wrong file (or a device), read no further.
    /// </summary>
    public const long MaxBytes = 16 << 20;

    /// <summary>The observations of <paramref name="path"/> with their lines, named <paramref name="shownAs"/> in problems; rows with problems are left out.</summary>
    public static IReadOnlyList<ObservedRow> Read(string path, string shownAs, List<ScenarioProblem> problems)
    {
        var text = ReadText(path);
        if (!text.Ok)
        {
            problems.Add(SourceSpot.StartOf(shownAs).Problem($"the observations file {text.Problems[0]}"));
            return [];
        }
        return Parse(text.Value, shownAs, problems);
    }

    /// <summary>The text of the observations file, or why it is not read (<see cref="RegularFile"/>: only a regular file of at most <see cref="MaxBytes"/>).</summary>
    public static Outcome<string> ReadText(string path)
    {
        var bytes = RegularFile.ReadAllBytes(path, MaxBytes);
        if (!bytes.Ok)
            return bytes.ConvertError<string>();
        // As File.ReadAllText did: a byte-order mark is dropped, bytes that are not UTF-8 become U+FFFD.
        var span = bytes.Value.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
            span = span[3..];
        return Outcome<string>.Success(Encoding.UTF8.GetString(span));
    }

    public static IReadOnlyList<ObservedRow> Parse(string text, string shownAs, List<ScenarioProblem> problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var observations = new List<ObservedRow>();
        using var csv = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true }, leaveOpen: false);
        int[]? columns = null; // index of each Known name in the file, -1 when absent
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            // Blank lines, and lines whose first cell starts with '#' (a data file names its source
            // there), carry no observation.
            if (fields.All(string.IsNullOrWhiteSpace) || fields[0].TrimStart().StartsWith('#'))
                continue;
            if (columns is null)
            {
                columns = Header(fields, line, lines, shownAs, problems);
                if (columns is null)
                    return [];
                continue;
            }
            if (Row(fields, columns, line, lines, shownAs, problems) is { } observation)
                observations.Add(new ObservedRow(observation, line));
        }
        if (columns is null)
            problems.Add(SourceSpot.StartOf(shownAs).Problem("the observations file is empty; it needs a header (step or date, metric, value, se, weight, label) and rows"));
        return observations;
    }

    private static int[]? Header(string[] fields, int line, string[] lines, string file, List<ScenarioProblem> problems)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        var before = problems.Count;
        for (var i = 0; i < names.Length; i++)
        {
            if (!Known.Contains(names[i]))
                problems.Add(new ScenarioProblem(file, line, Column(lines, line, i), $"unknown column '{fields[i]}'; the columns are {string.Join(", ", Known)}"));
            else if (Array.IndexOf(names, names[i]) < i)
                problems.Add(new ScenarioProblem(file, line, Column(lines, line, i), $"column '{names[i]}' appears twice"));
        }
        if (!names.Contains("value"))
            problems.Add(new ScenarioProblem(file, line, 1, "the header needs a 'value' column"));
        if (!names.Contains("step") && !names.Contains("date"))
            problems.Add(new ScenarioProblem(file, line, 1, "the header needs a 'step' or a 'date' column"));
        return problems.Count > before ? null : Known.Select(k => Array.IndexOf(names, k)).ToArray();
    }

    private static Observation? Row(string[] fields, int[] columns, int line, string[] lines, string file, List<ScenarioProblem> problems)
    {
        var before = problems.Count;
        string? Cell(int known) => columns[known] >= 0 && columns[known] < fields.Length && fields[columns[known]].Trim() is { Length: > 0 } v ? v : null;
        void Bad(int known, string message) => problems.Add(new ScenarioProblem(file, line, Column(lines, line, Math.Max(0, columns[known])), message));

        int? step = null;
        DateOnly? date = null;
        double? se = null;
        double value = 0, weight = 1;
        if (Cell(0) is { } s)
        {
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) step = n;
            else Bad(0, $"step '{s}' is not a whole number of 0 or more");
        }
        if (Cell(1) is { } d)
        {
            if (DateOnly.TryParseExact(d, ScalarConverter.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) date = parsed;
            else Bad(1, $"date '{d}' is not a date yyyy-mm-dd");
        }
        if (Cell(3) is not { } v)
            Bad(3, "the row has no value");
        else if (!TryNumber(v, out value))
            Bad(3, $"value '{v}' is not a number");
        if (Cell(4) is { } e)
        {
            if (TryNumber(e, out var parsed) && parsed > 0) se = parsed;
            else Bad(4, $"se '{e}' is not a number above 0");
        }
        if (Cell(5) is { } w && !(TryNumber(w, out weight) && weight >= 0))
            Bad(5, $"weight '{w}' is not a number of 0 or more");
        if (problems.Count > before)
            return null;
        return new Observation
        {
            Step = step,
            Date = date,
            Metric = Cell(2) ?? "reputation",
            Value = value,
            Se = se,
            Weight = weight,
            Label = Cell(6) ?? "",
        };
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>1-based column where field <paramref name="index"/> starts on a line (commas inside quotes skipped).</summary>
    public static int Column(string[] lines, int line, int index)
    {
        if (line < 1 || line > lines.Length)
            return 1;
        var raw = lines[line - 1];
        var quoted = false;
        var field = 0;
        for (var c = 0; c < raw.Length && field < index; c++)
        {
            if (raw[c] == '"') quoted = !quoted;
            else if (raw[c] == ',' && !quoted && ++field == index) return c + 2;
        }
        return 1;
    }
}

/// <summary>One observation read from a CSV and the 1-based line it came from.</summary>
internal sealed record ObservedRow(Observation Observation, int Line);
