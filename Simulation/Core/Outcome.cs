using System.Diagnostics.CodeAnalysis;

namespace TrustSim.Core;

/// <summary>
/// A value, or the problems that stopped it from being made: how a callee reports bad user input
/// (a missing file, a folder that is not a sweep, a scenario with mistakes) without printing or
/// throwing, after NodaTime's ParseResult. Each problem is one line for the user, located as
/// <c>FILE:LINE:COL: message</c> or <c>trustsim: PATH: message</c>; the caller decides where they go.
/// </summary>
internal sealed record Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<string> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value when <see cref="Ok"/>; default otherwise.</summary>
    public T? Value { get; }

    /// <summary>The lines that say what is wrong, in the order to print them; empty when <see cref="Ok"/>.</summary>
    public IReadOnlyList<string> Problems { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Ok => Problems.Count == 0;

    public static Outcome<T> Success(T value) => new(value, []);

    /// <summary>A failure; at least one problem, or it would read as a success.</summary>
    public static Outcome<T> Failure(params IEnumerable<string> problems)
    {
        var lines = problems.ToArray();
        if (lines.Length == 0) throw new ArgumentException("a failure needs at least one problem", nameof(problems));
        return new(default, lines);
    }

    /// <summary>The same problems as the outcome of another step, to pass a failure up.</summary>
    public Outcome<TOther> ConvertError<TOther>() =>
        Ok ? throw new InvalidOperationException("a successful outcome has no problems to pass on") : Outcome<TOther>.Failure(Problems);
}
