using System.Text.RegularExpressions;

namespace TrustSim.Tests.Reports;

/// <summary>
/// Every final file goes through AtomicFile (temporary name, flush, rename), so a crash never leaves a
/// truncated file under a final name. This scans the tool's source for any other way of writing a file.
/// </summary>
public sealed partial class FileSafetyTests
{
    /// <summary>The writes that are allowed outside AtomicFile, each with its reason (file name, text on the line).</summary>
    private static readonly (string File, string Line, string Why)[] Allowed =
    [
        ("SweepJournal.cs", "new FileStream(path, FileMode.OpenOrCreate", "the journal is appended line by line and flushed; readers tolerate a torn last line"),
        ("SpoolWriter.cs", "File.OpenHandle(path, FileMode.CreateNew", "a worker's spool file is appended record by record, each before its run's journal line; readers stop at a torn last record"),
        ("OutputFolder.cs", "File.WriteAllBytes(probe, [])", "an empty write probe, deleted at once, never a final file"),
        ("FolderLock.cs", "new FileStream(path, onlyIfNew", "the lock file beside an output folder: held open for the command, it holds a note naming the holder, never data"),
        ("EngineBenchmark.cs", "File.WriteAllText(\"/proc/self/clear_refs\"", "a kernel control file, not an output"),
    ];

    [GeneratedRegex(@"(?<!Atomic)File\.(WriteAll\w*|AppendAll\w*|Create|CreateText|OpenWrite|Copy|Move|Replace)\s*\(|(new\s+FileStream|File\.OpenHandle)\s*\([^;]*FileMode\.(Create|CreateNew|Append|OpenOrCreate|Truncate)|\.Save(Png|Jpeg|Bmp|Webp|Svg)\s*\(|new\s+StreamWriter\s*\(\s*(path|\w*[Pp]ath|""|@)|\.ToFile\s*\(")]
    private static partial Regex WriteCall();

    [Fact]
    public void Source_EveryFileWriteOutsideAtomicFile_IsOnTheAllowedList()
    {
        string source = Path.Combine(Paths.RepositoryRoot(), "Simulation");
        var offenders = new List<string>();
        int scanned = 0;
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") ||
                file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            string name = Path.GetFileName(file);
            if (name == "AtomicFile.cs") continue;
            scanned++;
            int number = 0;
            foreach (string line in File.ReadLines(file))
            {
                number++;
                if (!WriteCall().IsMatch(line)) continue;
                if (Allowed.Any(a => a.File == name && line.Contains(a.Line, StringComparison.Ordinal))) continue;
                offenders.Add($"{Path.GetRelativePath(source, file)}:{number}: {line.Trim()}");
            }
        }
        Assert.True(scanned > 100, $"only {scanned} source files found under {source}");
        Assert.True(offenders.Count == 0, "write through AtomicFile instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Source_ReportsFolder_WritesOnlyThroughAtomicFile()
    {
        // The folder that lays out run, sweep, comparison and calibration folders: its writes are AtomicFile
        // calls (Charts/ renders bytes and touches no file; ForbiddenCodeTests holds that).
        string root = Path.Combine(Paths.RepositoryRoot(), "Simulation");
        int atomicCalls = Directory.EnumerateFiles(Path.Combine(root, "Reports"), "*.cs")
            .Sum(f => Regex.Matches(File.ReadAllText(f), @"AtomicFile\.Write").Count);
        Assert.True(atomicCalls >= 8, $"{atomicCalls} atomic writes found in Reports/");
    }
}
