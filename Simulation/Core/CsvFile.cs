namespace TrustSim.Core;

/// <summary>Small helpers over <see cref="CsvSheet"/> for files already checked, or for tests.</summary>
internal static class CsvFile
{
    /// <summary>The header row followed by every data row, each as its raw fields (the formula guard undone); rows as long as the header.</summary>
    public static IEnumerable<string[]> Rows(string path)
    {
        using var sheet = CsvSheet.Open(path, []);
        yield return sheet.Header.Select(CsvText.Raw).ToArray();
        while (sheet.Next())
        {
            yield return Enumerable.Range(0, sheet.Header.Count).Select(sheet.Text).ToArray();
        }
    }

    /// <summary>A number as CsvText wrote it, from a field a <see cref="CsvSheet"/> has already checked; an empty field is NaN.</summary>
    public static double Number(string field) =>
        field.Length == 0 ? double.NaN : double.Parse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
