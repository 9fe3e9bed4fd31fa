using Parquet;
using Parquet.Schema;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>
/// A CSV table the tool wrote, copied into Parquet with each column of its Table Schema type: integer as
/// INT64, number as DOUBLE, date as DATE, boolean as BOOLEAN, text (seeds included) as UTF-8 strings. An
/// empty field is null (missing), as in the CSV. Every field is checked as the reader checks it, so a
/// damaged table is refused naming its line instead of being copied.
/// </summary>
internal static class ParquetTable
{
    /// <summary>Rows per row group: a few MB of columns, so memory stays flat for a table of any length.</summary>
    public const int RowGroupRows = 65_536;

    /// <summary>Options fixed here (not library defaults), so the same table always gives the same bytes.</summary>
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>The Parquet field for a column.</summary>
    public static DataField FieldOf(TableField field) => field.Type switch
    {
        FieldType.Integer => new DataField<long?>(field.Name),
        FieldType.Number => new DataField<double?>(field.Name),
        FieldType.Date => new DataField<DateOnly?>(field.Name),
        FieldType.Boolean => new DataField<bool?>(field.Name),
        _ => new DataField<string>(field.Name, nullable: true),
    };

    /// <summary>Copies <paramref name="csvPath"/>, whose columns are <paramref name="fields"/> (by name), to <paramref name="parquetPath"/>.</summary>
    public static void Write(string csvPath, string parquetPath, IReadOnlyList<TableField> fields, CancellationToken cancel = default)
    {
        using var sheet = CsvSheet.Open(csvPath, fields.Select(f => f.Name));
        int[] columns = fields.Select(f => sheet.Column(f.Name)).ToArray();
        var schema = new ParquetSchema(fields.Select(FieldOf).ToArray());
        AtomicFile.Write(parquetPath, stream => WriteAsync(stream, sheet, columns, fields, schema, cancel).GetAwaiter().GetResult());
    }

    private static async Task WriteAsync(Stream stream, CsvSheet sheet, int[] columns, IReadOnlyList<TableField> fields, ParquetSchema schema,
        CancellationToken cancel)
    {
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, Options, cancellationToken: cancel);
        var buffers = fields.Select(Buffer.For).ToArray();
        int rows = 0;
        while (sheet.Next())
        {
            for (int k = 0; k < fields.Count; k++) buffers[k].Add(sheet, columns[k], fields[k]);
            if (++rows == RowGroupRows)
            {
                cancel.ThrowIfCancellationRequested();
                await Flush(writer, schema, buffers);
                rows = 0;
            }
        }
        // An empty table still gets one (empty) row group, so every reader sees its columns and types.
        if (rows > 0 || sheet.Rows == 0) await Flush(writer, schema, buffers);
    }

    private static async Task Flush(ParquetWriter writer, ParquetSchema schema, Buffer[] buffers)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int k = 0; k < buffers.Length; k++) await buffers[k].WriteTo(group, schema.DataFields[k]);
    }

    /// <summary>One column's values until its row group is written.</summary>
    private abstract class Buffer
    {
        public static Buffer For(TableField field) => field.Type switch
        {
            FieldType.Integer => new Values<long>((s, c) => s.Integer(c, long.MinValue, long.MaxValue)),
            // Estimate, not Number: sensitivity indices may be infinite, and the copy must take every file the tool writes.
            FieldType.Number => new Values<double>((s, c) => s.Estimate(c)),
            FieldType.Date => new Values<DateOnly>((s, c) => s.Date(c)),
            FieldType.Boolean => new Values<bool>((s, c) => s.Word(c, ["true", "false"]) == "true"),
            _ => new Texts(),
        };

        public abstract void Add(CsvSheet sheet, int column, TableField field);

        public abstract Task WriteTo(ParquetRowGroupWriter group, DataField field);
    }

    private sealed class Values<T>(Func<CsvSheet, int, T> parse) : Buffer where T : struct
    {
        private readonly List<T?> _values = [];

        public override void Add(CsvSheet sheet, int column, TableField field) =>
            _values.Add(sheet.Text(column).Length == 0 ? null : parse(sheet, column));

        public override async Task WriteTo(ParquetRowGroupWriter group, DataField field)
        {
            await group.WriteAsync<T>(field, new ReadOnlyMemory<T?>(_values.ToArray()));
            _values.Clear();
        }
    }

    private sealed class Texts : Buffer
    {
        private readonly List<string?> _values = [];

        public override void Add(CsvSheet sheet, int column, TableField field)
        {
            string text = sheet.Text(column);
            if (text.Length == 0) _values.Add(null);
            // A seed in either form the files have held comes out as the tool writes it now.
            else if (field.Pattern == TableField.SeedPattern) _values.Add(SeedText.Format(sheet.Unsigned(column)));
            else if (field.Values is { } allowed) _values.Add(sheet.Word(column, allowed));
            else _values.Add(text);
        }

        public override async Task WriteTo(ParquetRowGroupWriter group, DataField field)
        {
            await group.WriteAsync(field, _values.ToArray()!);
            _values.Clear();
        }
    }
}
