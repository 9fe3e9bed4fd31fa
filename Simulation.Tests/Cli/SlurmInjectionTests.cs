using System.Diagnostics;
using System.Text;
using TrustSim.Reports;

namespace TrustSim.Tests.Cli;

/// <summary>
/// Issue 14, item 1: no value given to <c>trustsim slurm</c> can become a command in the scripts it
/// writes. Line breaks are refused (exit 2, naming the option); everything else is quoted, for the
/// shell in commands and for sbatch in #SBATCH lines.
/// </summary>
public sealed class SlurmInjectionTests
{
    public static TheoryData<string, string> LineBreaks()
    {
        var data = new TheoryData<string, string>();
        foreach (string option in new[] { "SCENARIO", "--out", "--partition", "--account", "--time", "--cpus-per-task", "--mem", "--sbatch" })
        {
            data.Add(option, "\n");
            data.Add(option, "\r");
        }
        data.Add("--partition", "\t");
        data.Add("--account", "\u2028");
        data.Add("--mem", "\u2029");
        data.Add("--time", "\u007f");
        data.Add("--sbatch", "\u0085");
        return data;
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Execute_ValueWithALineBreak_ExitsTwoNamingTheOptionAndWritesNoScript(string option, string breaker)
    {
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string dir = Path.Combine(root, "cluster");
        string injected = $"{breaker}touch {Path.Combine(root, "pwned")}";
        var args = new List<string> { "slurm", option == "SCENARIO" ? scenario + injected : scenario, "--shards", "2" };
        args.AddRange(["--out", option == "--out" ? dir + injected : dir]);
        switch (option)
        {
            case "--cpus-per-task": args.AddRange([option, "2" + injected]); break;
            case "--sbatch": args.Add($"--sbatch=--qos=low{injected}"); break;
            case "SCENARIO" or "--out": break;
            default: args.AddRange([option, "x" + injected]); break;
        }

        var outcome = CliRunner.Run([.. args]);

        Assert.Equal($"trustsim: {option}: contains a control character (line break or tab); Slurm values are one line", BadFlagsTests.FirstLine(outcome));
        Assert.Empty(Directory.GetFiles(root, "*.sbatch", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(root, "submit.sh", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(root, "pwned")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public void Execute_CpusPerTaskNotAPositiveWholeNumber_ExitsTwo(string value)
    {
        string root = CliRunner.TempFolder();
        var outcome = CliRunner.Run("slurm", ShardedSweeps.SmallSweep(root), "--shards", "2", "--out", Path.Combine(root, "c"), "--cpus-per-task", value);
        Assert.Contains("--cpus-per-task", BadFlagsTests.FirstLine(outcome));
    }

    [Fact]
    public void Execute_OutWithABackslash_ExitsTwo()
    {
        if (OperatingSystem.IsWindows()) return;
        string root = CliRunner.TempFolder();
        var outcome = CliRunner.Run("slurm", ShardedSweeps.SmallSweep(root), "--shards", "2", "--out", Path.Combine(root, "a\\b"));
        Assert.StartsWith("trustsim: --out: ", BadFlagsTests.FirstLine(outcome));
        Assert.Empty(Directory.GetFiles(root, "*.sbatch", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("--partition=short", "--partition=short")]
    [InlineData("--comment=a;b $(x) `y`", "\"--comment=a;b $(x) `y`\"")]
    [InlineData("--comment=it's #1 \"ok\" a\\b", "\"--comment=it's \\#1 \\\"ok\\\" a\\\\b\"")]
    public void SbatchWord_QuotesOnlyWhatSbatchWouldSplitAndReadsBackIntact(string word, string written)
    {
        Assert.Equal(written, SlurmScripts.SbatchWord(word));
        Assert.Equal([word], SbatchArguments(written));
    }

    /// <summary>
    /// Legal shell metacharacters in --out (space, $, backquote, ', ", #, %, ;) and in #SBATCH values:
    /// submit.sh, run by bash with a stub sbatch first on PATH, passes the stub intact paths and runs
    /// nothing else; the #SBATCH lines read back, as sbatch splits them, as the values given; and a
    /// shard task run by bash writes its shard inside that folder.
    /// </summary>
    [Fact]
    public void SubmitScript_PathAndValuesWithShellMetacharacters_RunsNoInjectedCommand()
    {
        if (OperatingSystem.IsWindows()) return;
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string dir = Path.Combine(root, "a b$(touch pwned)`touch pwned`'x;touch pwned;' \"q\" #1 %j");
        var outcome = CliRunner.Run("slurm", scenario, "--shards", "2", "--out", dir,
            "--partition", "x;touch pwned", "--account", "$(touch pwned)", "--sbatch=--comment=a;b", "--sbatch=--comment=it's `touch pwned` #2");
        Assert.True(outcome.ExitCode == 0, outcome.Error);

        string bin = Path.Combine(root, "bin");
        Directory.CreateDirectory(bin);
        string calls = Path.Combine(root, "sbatch-calls");
        string stub = Path.Combine(bin, "sbatch");
        File.WriteAllText(stub, $"""
            #!/bin/sh
            for a in "$@"; do printf '%s\n' "$a" >>{SlurmScripts.Quote(calls)}; done
            printf '%s\n' '--end--' >>{SlurmScripts.Quote(calls)}
            if [ "$1" = --parsable ]; then echo 1; else echo 'Submitted batch job 1'; fi

            """);
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var submit = Bash(root, bin, Path.Combine(dir, "submit.sh"));
        Assert.True(submit.Code == 0, submit.Output);
        Assert.Empty(Directory.GetFiles(root, "pwned", SearchOption.AllDirectories));
        Assert.Equal(
            ["--parsable", "--array=0-1", Path.Combine(dir, "shard.sbatch"), "--end--",
             "--parsable", "--dependency=afterok:1", "--kill-on-invalid-dep=yes", Path.Combine(dir, "merge.sbatch"), "--end--"],
            File.ReadAllLines(calls));
        Assert.Contains($"result: {dir}/merged", submit.Output);

        string shard = File.ReadAllText(Path.Combine(dir, "shard.sbatch"));
        var directives = shard.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).SelectMany(l => SbatchArguments(l["#SBATCH ".Length..])).ToList();
        Assert.Equal(
            ["--job-name=trustsim-shard-sweep", "--array=0-1", $"--output={dir.Replace("%", "%%", StringComparison.Ordinal)}/logs/%A_%a.out",
             "--partition=x;touch pwned", "--account=$(touch pwned)", "--comment=a;b", "--comment=it's `touch pwned` #2"],
            directives);

        var task = Bash(root, bin, Path.Combine(dir, "shard.sbatch"), ("SLURM_ARRAY_TASK_ID", "0"));
        Assert.True(task.Code == 0, task.Output);
        Assert.True(File.Exists(Path.Combine(dir, "shards", "shard-0-of-2", "shard.json")), task.Output);
        Assert.Empty(Directory.GetFiles(root, "pwned", SearchOption.AllDirectories));
    }

    private static (int Code, string Output) Bash(string workingDirectory, string bin, string script, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "bash did not finish within 120 s");
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>The arguments of one #SBATCH line as sbatch (Slurm 19.05 and later, _get_argument in sbatch/opt.c) splits them.</summary>
    private static List<string> SbatchArguments(string line)
    {
        var args = new List<string>();
        int i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) return args;
            var arg = new StringBuilder();
            char quote = '\0';
            bool escaped = false;
            for (; i < line.Length && (quote != '\0' || !char.IsWhiteSpace(line[i])); i++)
            {
                char c = line[i];
                if (escaped) escaped = false;
                else if (c == '\\') { escaped = true; continue; }
                else if (quote != '\0') { if (c == quote) { quote = '\0'; continue; } }
                else if (c is '"' or '\'') { quote = c; continue; }
                else if (c == '#')
                {
                    if (arg.Length > 0) args.Add(arg.ToString());
                    return args;
                }
                arg.Append(c);
            }
            Assert.Equal('\0', quote);
            args.Add(arg.ToString());
        }
    }
}
