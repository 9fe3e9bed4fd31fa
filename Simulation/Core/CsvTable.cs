using System.IO.Compression;
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

    /// <summary>
    /// Writes a gzip-compressed CSV file atomically, the same text as <see cref="Write"/> would write, from rows
    /// that <paramref name="produce"/> hands to the callback it is given one at a time (for sources read in
    /// pieces, such as a Parquet file's row groups, so no table is held whole in memory).
    /// </summary>
    public static void WriteGzip(string path, IReadOnlyList<string> header, Action<Action<IReadOnlyList<string>>> produce)
    {
        AtomicFile.Write(path, stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            using (CsvWriter csv = CsvWriter.Create(gzip, Options, leaveOpen: true))
            {
                WriteRecord(csv, header);
                produce(row =>
                {
                    if (row.Count != header.Count)
                        throw new InvalidOperationException($"{Path.GetFileName(path)}: row has {row.Count} fields, header has {header.Count}.");
                    WriteRecord(csv, row);
                });
                csv.Flush();
            }
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
