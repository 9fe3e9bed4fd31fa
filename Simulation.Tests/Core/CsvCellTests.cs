using TrustSim.Core;

namespace TrustSim.Tests.Core;

/// <summary>The spreadsheet formula guard (issue 14): text that a spreadsheet would evaluate is written as text.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+2")]
    [InlineData("-5% shock")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void Cell_TextStartingWithFormulaCharacter_GetsOneLeadingQuote(string text)
    {
        Assert.Equal("'" + text, CsvText.Cell(text));
        Assert.Equal(text, CsvText.Raw(CsvText.Cell(text)));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(-1.5e-5)]
    [InlineData(-3e21)]
    [InlineData(double.NegativeInfinity)]
    public void Cell_NegativeNumber_Untouched(double value)
    {
        string number = CsvText.Number(value);
        Assert.Equal(number, CsvText.Cell(number));
        Assert.Equal(value, CsvFile.Number(CsvText.Raw(CsvText.Cell(number))));
    }

    [Theory]
    [InlineData("-7")]
    [InlineData("")]
    [InlineData("Cambridge Analytica")]
    [InlineData("2016-04-11")]
    [InlineData("None -> Full")]
    [InlineData("drop=0.5")]
    [InlineData("'")]
    [InlineData("'quoted'")]
    public void Cell_NumberOrPlainText_Untouched(string text)
    {
        Assert.Equal(text, CsvText.Cell(text));
        Assert.Equal(text, CsvText.Raw(text));
    }

    [Theory]
    [InlineData("'=1", "''=1")]
    [InlineData("''-x", "'''-x")]
    public void Cell_TextAlreadyQuotedBeforeFormulaCharacter_GetsOneMoreSoRawIsExact(string text, string cell)
    {
        Assert.Equal(cell, CsvText.Cell(text));
        Assert.Equal(text, CsvText.Raw(cell));
    }

    [Fact]
    public void Write_FormulaTextAndNumbers_QuotesAsCsvRequiresAndReadsBackExactly()
    {
        using var temp = new TempFolder();
        string path = temp.File("cells.csv");
        string[] header = ["label", "value", "note"];
        string[][] rows =
        [
            ["=HYPERLINK(\"http://x\",\"y\")", "-0.5", "a, b"],
            ["-5% shock", "-7", "line\nbreak"],
            ["@SUM(A1)", "", "\"quoted\""],
            ["\t=1", "1E+21", "\r=2"],
            ["'=1", "0", "plain"],
        ];

        CsvTable.Write(path, header, rows);

        Assert.Equal(
            "label,value,note\n"
            + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.5,\"a, b\"\n"
            + "'-5% shock,-7,\"line\nbreak\"\n"
            + "'@SUM(A1),,\"\"\"quoted\"\"\"\n"
            + "'\t=1,1E+21,\"'\r=2\"\n"
            + "''=1,0,plain\n",
            File.ReadAllText(path));
        var read = CsvFile.Rows(path).ToList();
        Assert.Equal(header, read[0]);
        for (int r = 0; r < rows.Length; r++) Assert.Equal(rows[r], read[r + 1]);
    }
}
