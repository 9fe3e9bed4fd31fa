using CsvHelper;

namespace TrustSim.Core;

/// <summary>
/// Writes one CSV file (RFC 4180 quoting, LF line endings, UTF-8 without BOM) atomically.
/// CsvHelper 34's field-level writer does the quoting; rows come in as already formatted text
/// because our columns are data-driven lists, not record types its generator could map.
/// Every field passes through <see cref="CsvText.Cell"/>, so no file we write carries a spreadsheet formula.
/// </summary>
internal static class CsvTable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        WriteByteOrderMark = false,
    };

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        AtomicFile.Write(path, stream =>
        {
            using CsvWriter csv = CsvWriter.Create(stream, Options, leaveOpen: true);
            WriteRecord(csv, header);
            foreach (IReadOnlyList<string> row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(path)}: row has {row.Count} fields, header has {header.Count}.");
                }
                WriteRecord(csv, row);
            }
            csv.Flush();
        });
    }

    private static void WriteRecord(CsvWriter csv, IReadOnlyList<string> fields)
    {
        foreach (string field in fields)
        {
            csv.WriteField(CsvText.Cell(field));
        }
        csv.EndRecord();
    }
}
