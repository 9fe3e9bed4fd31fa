using TrustSim.Experiments;
using TrustSim.Metrics;

namespace TrustSim.Tests.Experiments;

public sealed class SweepJournalTests
{
    private static JournalEntry Completed(long id) =>
        new(id, (int)(id / 2), (int)(id % 2), 1000UL + (ulong)id, true, null,
            SummaryMetrics.Columns.Select((_, m) => 0.1 * m + id / 3.0).ToArray());

    [Fact]
    public void ReadAll_TornLastLine_ReturnsCompleteEntriesWithExactDoubles()
    {
        using var dir = new TempFolder();
        string path = dir.File(SweepJournal.FileName);
        using (var journal = SweepJournal.OpenForAppend(path))
        {
            journal.Append(Completed(0));
            journal.Append(new JournalEntry(1, 0, 1, 7, false, "boom: \"quoted\"", []));
            journal.Append(Completed(2));
        }
        // A process killed mid-write leaves half a line.
        byte[] torn = SweepJournal.ToLine(Completed(3))[..40];
        using (var append = new FileStream(path, FileMode.Append)) append.Write(torn);

        var entries = SweepJournal.ReadAll(path);

        Assert.Equal([0L, 1L, 2L], entries.Select(e => e.RunId));
        Assert.Equal(Completed(2).Metrics, entries[2].Metrics);
        Assert.False(entries[1].Completed);
        Assert.Equal("boom: \"quoted\"", entries[1].Error);
        Assert.Equal(1002UL, entries[2].Seed);
    }

    [Fact]
    public void OpenForAppend_TornLastLine_IsCutBeforeNewEntries()
    {
        using var dir = new TempFolder();
        string path = dir.File(SweepJournal.FileName);
        using (var journal = SweepJournal.OpenForAppend(path)) journal.Append(Completed(0));
        using (var append = new FileStream(path, FileMode.Append)) append.Write("{\"run_id\":5,\"poi"u8);

        using (var journal = SweepJournal.OpenForAppend(path)) journal.Append(Completed(1));

        Assert.Equal([0L, 1L], SweepJournal.ReadAll(path).Select(e => e.RunId));
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Scan_CorruptMiddleLine_IsReportedWithItsLineNumber()
    {
        using var dir = new TempFolder();
        string path = dir.File(SweepJournal.FileName);
        File.WriteAllText(path, "not json\n" + System.Text.Encoding.UTF8.GetString(SweepJournal.ToLine(Completed(0))));
        var e = Assert.Throws<InvalidDataException>(() => SweepJournal.ReadAll(path));
        Assert.Contains(":1:", e.Message);
    }
}
