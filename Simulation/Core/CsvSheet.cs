using System.Globalization;
using CsvHelper;

namespace TrustSim.Core;

/// <summary>
/// Reads back a CSV file that TrustSim wrote, row by row, checking it as it goes: the columns a reader
/// needs are present (by name, wherever they stand), every row has as many fields as the header, and each
/// field asked for parses as the kind it must be. Anything else is a <see cref="DataFileException"/> naming
/// the file, the line and the field, so a truncated, edited or corrupt file is refused instead of being
/// read as zeros. Every reader of an output folder goes through this one type.
/// </summary>
internal sealed class CsvSheet : IDisposable
{
    /// <summary>No row we write comes near this; a lost quote in a large file would otherwise buffer all of it.</summary>
    private const int MaxRecordBytes = 1 << 20;

    private const NumberStyles NumberForm = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        HasHeader = false,
        TrackLineNumbers = true,
        // An empty line is a lost row, not something to skip over.
        SkipEmptyLines = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        DetectSeparatorHint = false,
        MaxRecordSize = MaxRecordBytes,
    };

    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private string[] _fields = [];

    private CsvSheet(string path, CsvReader reader)
    {
        Path = path;
        _reader = reader;
    }

    /// <summary>The file as given, as every message names it.</summary>
    public string Path { get; }

    /// <summary>The header's fields, in file order.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Line of the file where the current row starts (1 is the header).</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Data rows read so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Opens <paramref name="path"/> and reads its header, which must name every one of <paramref name="required"/>.</summary>
    /// <param name="ourFile">True for a file TrustSim wrote, which ends with a line break unless it was cut short; false for
    /// a table someone else made (a spreadsheet's export may end without one).</param>
    public static CsvSheet Open(string path, IEnumerable<string> required, bool ourFile = true)
    {
        if (!File.Exists(path))
            throw new DataFileException(ourFile ? $"{path}: missing (the folder is incomplete, or not a TrustSim output folder)" : $"{path}: no such file");
        FileStream stream = WholeFile.Open(path);
        try
        {
            if (ourFile) WholeFile.RequireLineBreakAtEnd(path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        var sheet = new CsvSheet(path, CsvReader.Create(stream, Options, leaveOpen: false));
        try
        {
            if (!sheet.ReadRecord()) throw new DataFileException($"{path}: empty (no header line)");
            sheet.Header = sheet._fields;
            for (int c = 0; c < sheet._fields.Length; c++)
            {
                if (!sheet._columns.TryAdd(sheet._fields[c], c))
                    throw new DataFileException($"{path}:1: column '{sheet._fields[c]}' appears twice in the header");
            }
            var missing = required.Where(name => !sheet._columns.ContainsKey(name)).ToArray();
            if (missing.Length > 0)
            {
                throw new DataFileException($"{path}:1: the header lacks column{(missing.Length == 1 ? "" : "s")} " +
                    string.Join(", ", missing.Take(5).Select(m => $"'{m}'")) + (missing.Length > 5 ? $" and {missing.Length - 5} more" : ""));
            }
            return sheet;
        }
        catch
        {
            sheet.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column the header must have (see <see cref="Open"/>).</summary>
    public int Column(string name) =>
        _columns.TryGetValue(name, out int c) ? c : throw new DataFileException($"{Path}:1: the header lacks column '{name}'");

    /// <summary>The index of a column, or -1 when the header has none of that name.</summary>
    public int ColumnOrMissing(string name) => _columns.GetValueOrDefault(name, -1);

    /// <summary>Moves to the next data row; false at the end. A row with more or fewer fields than the header is refused.</summary>
    public bool Next()
    {
        if (!ReadRecord()) return false;
        Rows++;
        if (_fields.Length != Header.Count)
        {
            throw new DataFileException($"{Path}:{Line}: {_fields.Length} field{(_fields.Length == 1 ? "" : "s")} where the header has {Header.Count}" +
                " (a truncated or edited line)");
        }
        return true;
    }

    /// <summary>A field as text, with the spreadsheet guard the writer added taken off (see <see cref="CsvText.Raw"/>).</summary>
    public string Text(int column) => CsvText.Raw(_fields[column]);

    /// <summary>A finite number; an empty field is refused.</summary>
    public double Number(int column)
    {
        double value = NumberOrMissing(column);
        return double.IsNaN(value) ? throw Problem(column, "is empty where a number must be") : value;
    }

    /// <summary>A finite number, or NaN for an empty field (how the writer spells an undefined metric).</summary>
    public double NumberOrMissing(int column)
    {
        string field = _fields[column];
        if (field.Length == 0) return double.NaN;
        if (!double.TryParse(field, NumberForm, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Problem(column, $"{Quote(field)} is not a finite number");
        return value;
    }

    /// <summary>
    /// A number that may be infinite, or NaN for an empty field: for the few estimates the writer can leave
    /// infinite (a Sobol index of a metric with no variance), so the reader accepts every file the tool writes.
    /// </summary>
    public double Estimate(int column)
    {
        string field = _fields[column];
        if (field.Length == 0) return double.NaN;
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsNaN(value)
            ? value : throw Problem(column, $"{Quote(field)} is not a number");
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Integer(int column, long min, long max)
    {
        string field = _fields[column];
        if (!long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Problem(column, $"{Quote(field)} is not a whole number");
        if (value < min || value > max)
            throw Problem(column, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range (expected {Range(min, max)})");
        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>] that fits an int.</summary>
    public int Int(int column, int min, int max) => (int)Integer(column, min, max);

    /// <summary>An unsigned 64-bit number (a seed).</summary>
    public ulong Unsigned(int column)
    {
        string field = _fields[column];
        return ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
            ? value : throw Problem(column, $"{Quote(field)} is not a seed (a whole number from 0 to 2^64-1)");
    }

    /// <summary>A date as the writer spells it (yyyy-MM-dd).</summary>
    public DateOnly Date(int column)
    {
        string field = _fields[column];
        return DateOnly.TryParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date : throw Problem(column, $"{Quote(field)} is not a date (yyyy-MM-dd)");
    }

    /// <summary>One of the words <paramref name="allowed"/>, which come from <paramref name="source"/> when given (named in the message).</summary>
    public string Word(int column, IReadOnlyCollection<string> allowed, string? source = null)
    {
        string field = Text(column);
        if (allowed.Contains(field)) return field;
        string list = string.Join(", ", allowed.Take(8).Select(Quote)) + (allowed.Count > 8 ? ", ..." : "");
        throw Problem(column, $"{Quote(field)} is not one of {(source is null ? "" : $"those in {source}: ")}{list}");
    }

    /// <summary>A problem with a field of the current row, located at its line and field.</summary>
    public DataFileException Problem(int column, string message) =>
        new($"{Path}:{Line}: field {column + 1} ({Header[column]}): {message}");

    /// <summary>A problem with the current row as a whole.</summary>
    public DataFileException Problem(string message) => new($"{Path}:{Line}: {message}");

    /// <summary>A problem with the file as a whole (a row count, say), after reading it.</summary>
    public DataFileException FileProblem(string message) => new($"{Path}: {message}");

    public void Dispose() => _reader.Dispose();

    private bool ReadRecord()
    {
        try
        {
            if (!_reader.Read()) return false;
            Line = _reader.LineNumber;
            var fields = new string[_reader.FieldCount];
            for (int c = 0; c < fields.Length; c++) fields[c] = _reader.GetString(c);
            _fields = fields;
            return true;
        }
        catch (CsvFormatException e)
        {
            throw new DataFileException($"{Path}:{(e.LineNumber > 0 ? e.LineNumber : Line + 1)}: not valid CSV: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new DataFileException($"{Path}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>A field in a message: quoted, and cut short, so a corrupt line does not flood the terminal.</summary>
    private static string Quote(string field)
    {
        string shown = field.Length <= 40 ? field : field[..40] + "...";
        return "'" + string.Concat(shown.Select(ch => char.IsControl(ch) ? '?' : ch)) + "'";
    }

    private static string Range(long min, long max) =>
        max == long.MaxValue ? $"at least {min.ToString(CultureInfo.InvariantCulture)}"
        : $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
}
