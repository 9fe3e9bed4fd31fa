using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class RunCsvTests
{
    private static string Write(Action<string, IReadOnlyList<RunResult>> write, params RunResult[] results)
    {
        using var temp = new TempFolder();
        string path = temp.File("out.csv");
        write(path, results);
        return File.ReadAllText(path);
    }

    [Fact]
    public void WriteTimeseries_TinyRun_ExactHeaderAndRows()
    {
        string text = Write(RunCsv.WriteTimeseries, SyntheticRuns.Tiny());

        string expected =
            "replication,step,date,reputation,anchor,fast_gap,slow_gap,safeguards,reach,aware,adoption,"
            + "partners_none,partners_limited,partners_full,banks_limited,banks_full,payments_limited,payments_full,"
            + "records_held,stringency,breach_hazard,breaches,shock_drop,exits,switches,"
            + "reputation_none,reputation_limited,reputation_full,welfare,user_surplus,trusting_reach\n"
            + "0,0,2016-04-11,0.79,0.8,0,0,0,1000000000,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0,0,0\n"
            + "0,1,2016-04-18,0.30000000000000004,0.8,0,0,0,1000500000,0,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,0,0,0.5,0,0,0\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void WriteSummary_TinyRun_ExactHeaderAndRow()
    {
        string text = Write(RunCsv.WriteSummary, SyntheticRuns.Tiny());

        string expected =
            "replication,seed,final_reputation,min_reputation,final_anchor,final_aware,final_adoption,"
            + "final_partners_limited,final_partners_full,final_banks_full,peak_exits_2_steps,records_held_final,peak_records_held,"
            + "final_reach,final_stringency,breaches,mode_switches,bank_moves_to_full_after_shock,welfare_banks,welfare_payments,user_surplus_total,trusting_reach_total,records_held_total\n"
            + "0,18446744073709551615,0.30000000000000004,,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,0,0,0,0\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void WriteEvents_TinyRun_QuotesFieldsWithCommasAndQuotes()
    {
        string text = Write(RunCsv.WriteEvents, SyntheticRuns.Tiny());

        string expected =
            "replication,step,date,kind,subject,detail,label\n"
            + "0,1,2016-04-18,mode_switch,\"Bank, \"\"Big\"\" 1\",None -> Full,\n"
            + "0,1,2016-04-18,shock,misuse,drop=0.5,Scandal\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void WriteInstitutions_TinyRun_ExactHeaderAndRow()
    {
        string text = Write(InstitutionsCsv.Write, SyntheticRuns.Tiny());

        string expected =
            "replication,index,name,type,size,theta,rho,initial_mode,final_mode,reputation,welfare,switches,customers,adoption\n"
            + "0,3,Bank 3,bank,2.5,0.1,-0.25,none,full,0.75,1E+21,1,120,\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void InstitutionsColumns_EveryOutcomeProperty_HasASnakeCaseColumn()
    {
        var expected = typeof(InstitutionOutcome).GetProperties()
            .Where(p => p.Name != "EqualityContract")
            .Select(p => SnakeCase.From(p.Name))
            .Order();

        Assert.Equal(expected, InstitutionsCsv.Columns.Select(c => c.Name).Order());
    }

    [Fact]
    public void WriteSummary_ReplicationsOutOfOrder_SortedByReplication()
    {
        string text = Write(RunCsv.WriteSummary, SyntheticRuns.Tiny(2), SyntheticRuns.Tiny(1));

        string[] lines = text.TrimEnd('\n').Split('\n');
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTimeseries_SameResultsTwice_IdenticalBytesAndLfOnly()
    {
        using var temp = new TempFolder();
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 3, steps: 30);

        RunCsv.WriteTimeseries(temp.File("a.csv"), results);
        RunCsv.WriteTimeseries(temp.File("b.csv"), results);

        byte[] a = File.ReadAllBytes(temp.File("a.csv"));
        Assert.Equal(a, File.ReadAllBytes(temp.File("b.csv")));
        Assert.DoesNotContain((byte)'\r', a);
        Assert.Equal(1 + 3 * 31, File.ReadAllLines(temp.File("a.csv")).Length);
    }

    [Fact]
    public void WriteEvents_NoEvents_WritesHeaderOnly()
    {
        RunResult quiet = SyntheticRuns.Tiny() with { Events = [] };

        Assert.Equal("replication,step,date,kind,subject,detail,label\n", Write(RunCsv.WriteEvents, quiet));
    }
}
