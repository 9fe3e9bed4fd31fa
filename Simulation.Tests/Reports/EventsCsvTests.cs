using TrustSim.Model;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Reports;

public sealed class EventsCsvTests
{
    [Fact]
    public void Read_WhatItWrote_SameEvents()
    {
        using var temp = new TempFolder();
        var results = SyntheticRuns.Realistic(replications: 2, steps: 200);
        string path = temp.File("events.csv");
        EventsCsv.Write(path, results);

        var read = EventsCsv.Read(path, 2, 200);

        Assert.Equal(results[0].Events, read[0]);
        Assert.Equal(results[1].Events, read[1]);
    }

    [Fact]
    public void Read_FileOfTheFormerLayout_TypedEvents()
    {
        // Lines as trustsim wrote them before the typed columns (subject and a readable detail).
        using var temp = new TempFolder();
        string path = temp.Write("events.csv", "replication,step,date,kind,subject,detail,label\n"
            + "0,101,2018-03-19,shock,misuse,affected=8.7E+07 salience=0.446 drop=0.5191,Cambridge Analytica\n"
            + "0,102,2018-03-26,shock,hack,random scandal salience=0.3 drop=0.1,\n"
            + "0,103,2018-04-02,breach,hack,affected=3E+06 salience=0.2 drop=0.05,\n"
            + "0,108,2018-05-07,commitment,commitment,salience=0.3 rise=0.07789 safeguards+=0.05,F8 commitments\n"
            + "0,117,2018-07-09,intervention,ban_full_mode,Full no longer offered,Ban on full data sharing\n"
            + "0,117,2018-07-09,mode_switch,Payment 3,Full -> Limited (ban on Full),\n"
            + "0,118,2018-07-16,mode_switch,Bank 1,None -> Full,\n"
            + "0,133,2018-10-29,intervention,fine,amount_usd=6.45E+05,ICO fine\n"
            + "0,133,2018-10-29,shock,fine,news of the fine salience=0.2 drop=0.03028,ICO fine\n"
            + "0,182,2019-10-07,intervention,warning,regulatory exposure x30 for 26 steps,Warning\n"
            + "0,207,2020-03-30,warning_end,warning,regulatory exposure back to normal,Warning\n");

        var e = EventsCsv.Read(path, 1, 260)[0].Select(r => r.Event).ToList();

        Assert.Equal(WorldEvent.ShockOf(ShockType.Misuse, EventCause.Scheduled, 8.7e7, 0.446, 0.5191, "Cambridge Analytica"), e[0]);
        Assert.Equal(WorldEvent.ShockOf(ShockType.Hack, EventCause.Random, double.NaN, 0.3, 0.1, ""), e[1]);
        Assert.Equal(WorldEvent.Breach(3e6, 0.2, 0.05), e[2]);
        Assert.Equal(WorldEvent.Commitment(double.NaN, 0.3, 0.07789, 0.05, "F8 commitments"), e[3]);
        Assert.Equal(WorldEvent.InterventionOf(InterventionType.BanFullMode, EventFigures.None, "Ban on full data sharing"), e[4]);
        Assert.Equal(WorldEvent.ModeSwitch("Payment 3", PartnershipMode.Full, PartnershipMode.Limited, EventCause.Ban), e[5]);
        Assert.Equal(WorldEvent.ModeSwitch("Bank 1", PartnershipMode.None, PartnershipMode.Full, EventCause.Choice), e[6]);
        Assert.Equal(WorldEvent.InterventionOf(InterventionType.Fine, new EventFigures(AmountUsd: 6.45e5), "ICO fine"), e[7]);
        Assert.Equal(WorldEvent.ShockOf(ShockType.Fine, EventCause.Fine, double.NaN, 0.2, 0.03028, "ICO fine"), e[8]);
        Assert.Equal(WorldEvent.InterventionOf(InterventionType.Warning, new EventFigures(Multiplier: 30, DurationSteps: 26), "Warning"), e[9]);
        Assert.Equal(WorldEvent.WarningEnd("Warning"), e[10]);
    }

    [Theory]
    [InlineData("0,1,2016-04-18,mode_switch,choice,,,Bank 1,none,sideways,,,,,,,,,", "field 10 (to_mode): 'sideways' is not one of")]
    [InlineData("0,1,2016-04-18,shock,chance,misuse,,,,,,0.2,0.1,,,,,,", "field 5 (cause): 'chance' is not one of")]
    [InlineData("0,1,2016-04-18,intervention,scheduled,,warning,,,,,,,,,,3,x,W", "field 18 (duration): 'x' is not a whole number")]
    public void Read_BadTypedField_NamesItsLineAndColumn(string row, string expected)
    {
        using var temp = new TempFolder();
        string path = temp.Write("events.csv", string.Join(',', EventsCsv.Header) + "\n" + row + "\n");

        var e = Assert.Throws<TrustSim.Core.DataFileException>(() => EventsCsv.Read(path, 1, 10));

        Assert.Contains($"events.csv:2: {expected}", e.Message);
    }
}
