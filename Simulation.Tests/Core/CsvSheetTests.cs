using TrustSim.Core;

namespace TrustSim.Tests.Core;

/// <summary>The one checked reader of the CSV files TrustSim writes (issue 14): every refusal names the file, line and field.</summary>
public sealed class CsvSheetTests
{
    private static readonly string[] Required = ["replication", "value"];

    private static string Error(string text, Action<CsvSheet> read)
    {
        using var temp = new TempFolder();
        string path = temp.Write("t.csv", text);
        var e = Assert.Throws<DataFileException>(() =>
        {
            using var sheet = CsvSheet.Open(path, Required);
            read(sheet);
        });
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        return e.Message[path.Length..];
    }

    private static void ReadAll(CsvSheet sheet)
    {
        while (sheet.Next())
        {
            sheet.Int(sheet.Column("replication"), 0, 1);
            sheet.Number(sheet.Column("value"));
        }
    }

    [Fact]
    public void Open_RenamedColumn_NamesTheMissingColumnOnLine1() =>
        Assert.Equal(":1: the header lacks column 'value'", Error("replication,valeu\n0,1\n", ReadAll));

    [Fact]
    public void Open_ColumnTwice_Refused() =>
        Assert.Equal(":1: column 'value' appears twice in the header", Error("replication,value,value\n0,1,1\n", ReadAll));

    [Fact]
    public void Open_EmptyFile_Refused() =>
        Assert.Equal(": empty (no header line)", Error("", ReadAll));

    [Fact]
    public void Open_LastLineCutShort_Refused() =>
        Assert.Equal(": its last line has no line break: the file was cut short (or edited)", Error("replication,value\n0,0.12", ReadAll));

    [Fact]
    public void Next_RowWithTooFewFields_NamesTheLine() =>
        Assert.Equal(":3: 1 field where the header has 2 (a truncated or edited line)", Error("replication,value\n0,1\n1\n", ReadAll));

    [Fact]
    public void Next_GarbageLine_NamesTheLine() =>
        Assert.StartsWith(":3: not valid CSV: ", Error("replication,value\n0,1\n\"x\"y,2\n", ReadAll));

    [Fact]
    public void Int_ReplicationMinusSeven_NamesLineFieldAndRange() =>
        Assert.Equal(":3: field 1 (replication): -7 is out of range (expected 0 to 1)", Error("replication,value\n0,1\n-7,2\n", ReadAll));

    [Theory]
    [InlineData("abc", "'abc' is not a finite number")]
    [InlineData("Infinity", "'Infinity' is not a finite number")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("", "is empty where a number must be")]
    public void Number_NotAFiniteNumber_NamesLineAndField(string value, string message) =>
        Assert.Equal($":2: field 2 (value): {message}", Error($"replication,value\n0,{value}\n", ReadAll));

    [Fact]
    public void Line_AfterAQuotedLineBreak_CountsEveryLine()
    {
        // The note on line 2 spans two lines, so the bad row is on line 4, as an editor shows it.
        var message = Error("replication,value,note\n0,1,\"two\nlines\"\n1,x,\n", ReadAll);
        Assert.Equal(":4: field 2 (value): 'x' is not a finite number", message);
    }

    [Fact]
    public void Readers_WellFormedFile_ReadEveryKindOfField()
    {
        using var temp = new TempFolder();
        string path = temp.Write("t.csv", "replication,value,seed,date,label,estimate\n1,-1.5E-05,18446744073709551615,2018-03-17,'=SUM(A1),Infinity\n");
        using var sheet = CsvSheet.Open(path, Required);
        Assert.True(sheet.Next());
        Assert.Equal(1, sheet.Int(0, 0, 1));
        Assert.Equal(-1.5e-5, sheet.Number(1));
        Assert.Equal(ulong.MaxValue, sheet.Unsigned(2));
        Assert.Equal(new DateOnly(2018, 3, 17), sheet.Date(3));
        Assert.Equal("=SUM(A1)", sheet.Text(4));
        // Only estimates may be infinite: a Sobol index of a metric without variance is written so.
        Assert.Equal(double.PositiveInfinity, sheet.Estimate(5));
        Assert.Equal(2, sheet.Line);
        Assert.False(sheet.Next());
        Assert.Equal(1, sheet.Rows);
    }

    [Theory]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("0x0000000000000007", 7UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Unsigned_SeedAsHexTextOrOldDecimal_ReadsTheSameSeed(string field, ulong expected)
    {
        using var temp = new TempFolder();
        using var sheet = CsvSheet.Open(temp.Write("t.csv", $"seed\n{field}\n"), ["seed"]);
        Assert.True(sheet.Next());
        Assert.Equal(expected, sheet.Unsigned(0));
    }

    [Fact]
    public void Open_MissingFile_SaysMissing()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<DataFileException>(() => CsvSheet.Open(temp.File("summary.csv"), Required));
        Assert.Contains("summary.csv: missing", e.Message);
    }
}
