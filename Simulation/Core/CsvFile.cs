using CsvHelper;

namespace TrustSim.Core;

/// <summary>Reads back the CSV files TrustSim writes (for plot and compare), row by row, streaming.</summary>
internal static class CsvFile
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { HasHeader = false };

    /// <summary>The header row followed by every data row, each as its raw fields (the formula guard undone).</summary>
    public static IEnumerable<string[]> Rows(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using CsvReader reader = CsvReader.Create(stream, Options, leaveOpen: false);
        foreach (CsvRow row in reader)
        {
            yield return Array.ConvertAll(row.ToArray(), CsvText.Raw);
        }
    }

    /// <summary>A column's index in a header; throws with the file's name when it is missing.</summary>
    public static int Column(string path, string[] header, string name)
    {
        int index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new InvalidDataException($"{path}: no column '{name}'");
    }

    /// <summary>A number as CsvText wrote it; an empty field is NaN.</summary>
    public static double Number(string field) =>
        field.Length == 0 ? double.NaN : double.Parse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
