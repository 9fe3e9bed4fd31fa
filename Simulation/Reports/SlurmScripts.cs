using System.Globalization;
using System.Text;

namespace TrustSim.Reports;

/// <summary>What the Slurm scripts ask of the scheduler and how they call the tool.</summary>
/// <param name="Folder">Absolute path of the cluster sweep folder.</param>
/// <param name="Name">The scenario's name, for job names.</param>
/// <param name="Shards">Number of array tasks, one shard each.</param>
/// <param name="Tool">The command that runs trustsim on a node: an executable, or dotnet and the assembly, as absolute paths.</param>
/// <param name="Directives">#SBATCH options for both jobs (partition, account, time, ...), without the prefix.</param>
internal sealed record SlurmJob(string Folder, string Name, int Shards, IReadOnlyList<string> Tool, IReadOnlyList<string> Directives);

/// <summary>
/// The files <c>trustsim slurm</c> writes: shard.sbatch (the array job), merge.sbatch (runs once
/// every shard succeeded) and submit.sh (submits both, the merge depending on the array). Only
/// long-standing sbatch options are used, so the scripts run on old and new Slurm alike.
/// </summary>
internal static class SlurmScripts
{
    public const string ShardScript = "shard.sbatch";
    public const string MergeScript = "merge.sbatch";
    public const string SubmitScript = "submit.sh";
    public const string LogsFolder = "logs";
    public const string ShardsFolder = "shards";
    public const string MergedFolder = "merged";

    public static string Shard(SlurmJob job)
    {
        EnsureOneLine(job);
        var s = Header(job, $"trustsim-{job.Name}", string.Create(CultureInfo.InvariantCulture, $"--array=0-{job.Shards - 1}"), $"{LogsFolder}/%A_%a.out");
        s.Append($"""
            # One shard of the sweep per array task: the runs with run_id % N == SLURM_ARRAY_TASK_ID.
            K=${"{"}SLURM_ARRAY_TASK_ID:?this is a Slurm array job: submit it with {SubmitScript}{"}"}
            SHARD="$DIR/{ShardsFolder}/shard-$K-of-$N"
            WORKERS=${"{"}SLURM_CPUS_PER_TASK:-1{"}"}
            if [ -f "$SHARD/shard.json" ]; then
              # A requeued or resubmitted task continues its shard (and retries its failed runs) instead of starting over.
              exec "${"{"}TOOL[@]{"}"}" sweep "$DIR/scenario.yaml" --shard "$K/$N" --resume "$SHARD" --retry-failed --workers "$WORKERS"
            fi
            exec "${"{"}TOOL[@]{"}"}" sweep "$DIR/scenario.yaml" --shard "$K/$N" --out "$SHARD" --workers "$WORKERS"

            """);
        return s.ToString();
    }

    public static string Merge(SlurmJob job)
    {
        EnsureOneLine(job);
        var s = Header(job, $"trustsim-{job.Name}-merge", "--kill-on-invalid-dep=yes", $"{LogsFolder}/%j-merge.out");
        s.Append($"""
            # Started by submit.sh with --dependency=afterok:<array job>: runs only when every shard succeeded.
            SHARDS=()
            for ((k = 0; k < N; k++)); do SHARDS+=("$DIR/{ShardsFolder}/shard-$k-of-$N"); done
            exec "${"{"}TOOL[@]{"}"}" merge "${"{"}SHARDS[@]{"}"}" --out "$DIR/{MergedFolder}" --force

            """);
        return s.ToString();
    }

    public static string Submit(SlurmJob job)
    {
        EnsureOneLine(job);
        string last = (job.Shards - 1).ToString(CultureInfo.InvariantCulture);
        return $$"""
            #!/bin/bash
            # Submits the sweep's shards as a Slurm array job, and the merge as a job that starts when every
            # shard task succeeded and is cancelled when one fails (--kill-on-invalid-dep=yes).
            #   {{SubmitScript}}          all {{job.Shards}} shards, then the merge
            #   {{SubmitScript}} 2 5      only shards 2 and 5 again (after they failed), then the merge
            set -euo pipefail
            DIR={{Quote(job.Folder)}}
            N={{job.Shards.ToString(CultureInfo.InvariantCulture)}}
            ARRAY="0-{{last}}"
            if [ $# -gt 0 ]; then
              for k in "$@"; do
                if ! [[ "$k" =~ ^[0-9]+$ ]] || [ "$k" -ge "$N" ]; then
                  echo "submit.sh: '$k' is not a shard index (0 to $((N - 1)))" >&2; exit 2
                fi
              done
              ARRAY=$(IFS=,; echo "$*")
            fi
            command -v sbatch >/dev/null 2>&1 || { echo "submit.sh: sbatch not found: run this on a Slurm login node" >&2; exit 127; }
            shards=$(sbatch --parsable --array="$ARRAY" "$DIR/{{ShardScript}}")
            shards=${shards%%;*}
            merge=$(sbatch --parsable --dependency="afterok:$shards" --kill-on-invalid-dep=yes "$DIR/{{MergeScript}}")
            merge=${merge%%;*}
            echo "shards: job array $shards (tasks $ARRAY of 0-{{last}})"
            echo "merge:  job $merge (starts when every shard task succeeded; cancelled if one fails)"
            echo "watch:  squeue -j $shards,$merge"
            echo "logs:   tail -f $DIR/{{LogsFolder}}/${shards}_*.out"
            echo "result: $DIR/{{MergedFolder}}"
            echo "a failed shard K: fix the cause, then $DIR/{{SubmitScript}} K"

            """;
    }

    /// <summary>The common head: shebang, #SBATCH lines (the job's own option before --output), the folder and tool, and a check that the tool is on this node.</summary>
    private static StringBuilder Header(SlurmJob job, string jobName, string jobOption, string output)
    {
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append($"#SBATCH --job-name={jobName}\n");
        s.Append($"#SBATCH {jobOption}\n");
        s.Append($"#SBATCH {SbatchWord($"--output={FilePattern(job.Folder)}/{output}")}\n");
        foreach (string d in job.Directives) s.Append($"#SBATCH {SbatchWord(d)}\n");
        s.Append($"# Written by 'trustsim slurm'; submit with {SubmitScript}.\n");
        s.Append("set -euo pipefail\n");
        s.Append($"DIR={Quote(job.Folder)}\n");
        s.Append(CultureInfo.InvariantCulture, $"N={job.Shards}\n");
        s.Append($"TOOL=({string.Join(' ', job.Tool.Select(Quote))})\n");
        s.Append("""
            # Fail at once, and say why, when the node cannot see the tool the scripts were written with.
            if ! [ -x "${TOOL[0]}" ] && ! command -v "${TOOL[0]}" >/dev/null 2>&1; then
              echo "trustsim: ${TOOL[0]} is not on node $(hostname): install or publish trustsim where the nodes see it, then run 'trustsim slurm' again" >&2
              exit 127
            fi
            if [ ${#TOOL[@]} -gt 1 ] && ! [ -f "${TOOL[1]}" ]; then
              echo "trustsim: ${TOOL[1]} is not on node $(hostname): build trustsim on a filesystem the nodes share, then run 'trustsim slurm' again" >&2
              exit 127
            fi

            """);
        return s;
    }

    /// <summary>One shell word, single-quoted for POSIX sh (a <c>'</c> is written <c>'\''</c>).</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Why <paramref name="value"/> cannot be written into a script, naming <paramref name="option"/>:
    /// it holds a control character (U+0000-U+001F, U+007F-U+009F) or a Unicode line or paragraph
    /// separator, which would end a #SBATCH line or a shell line and start a new one; null when it can.
    /// </summary>
    public static string? LineProblem(string option, string value) =>
        value.Any(IsLineBreaking) ? $"{option}: contains a control character (line break or tab); Slurm values are one line" : null;

    /// <summary>
    /// One argument of a #SBATCH line, which sbatch splits itself (not the shell): at whitespace, with
    /// an unquoted <c>#</c> starting a comment, <c>"</c> and <c>'</c> quoting and <c>\</c> escaping. A word
    /// without those characters is written as it is; otherwise in double quotes with <c>\</c>, <c>"</c> and
    /// <c>#</c> escaped, which old sbatch (double quotes only, <c>#</c> a comment even inside them) and new
    /// sbatch read alike. Line breaks cannot be quoted: <see cref="LineProblem"/> refuses them first.
    /// </summary>
    public static string SbatchWord(string word)
    {
        if (!word.Any(c => c is ' ' or '"' or '\'' or '\\' or '#')) return word;
        var s = new StringBuilder("\"");
        foreach (char c in word)
        {
            if (c is '\\' or '"' or '#') s.Append('\\');
            s.Append(c);
        }
        return s.Append('"').ToString();
    }

    /// <summary>A literal path in a Slurm file name pattern (--output): each <c>%</c> written <c>%%</c>.</summary>
    public static string FilePattern(string path) => path.Replace("%", "%%", StringComparison.Ordinal);

    private static bool IsLineBreaking(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>The command validates every value; a line break reaching a script is a bug, never a new shell line.</summary>
    private static void EnsureOneLine(SlurmJob job)
    {
        foreach (string value in job.Directives.Concat(job.Tool).Append(job.Folder).Append(job.Name))
        {
            if (value.Any(IsLineBreaking)) throw new ArgumentException($"a Slurm script value contains a control character: {value}", nameof(job));
        }
    }
}
