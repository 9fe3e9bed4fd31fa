using TrustSim.Scenarios;

namespace TrustSim.Engine;

/// <summary>Maps steps to dates and back. Step t is start + 7t days (weekly) or start + t months.</summary>
internal sealed class Calendar(TimeSettings time)
{
    public DateOnly DateOf(int step) =>
        time.Step == StepUnit.Week ? time.Start.AddDays(7 * step) : time.Start.AddMonths(step);

    /// <summary>The first step dated on or after <paramref name="date"/> (negative before the start).</summary>
    public int StepOf(DateOnly date)
    {
        var days = date.DayNumber - time.Start.DayNumber;
        if (time.Step == StepUnit.Week)
            return days <= 0 ? (int)Math.Floor(days / 7.0) : (days + 6) / 7;
        var months = (date.Year - time.Start.Year) * 12 + date.Month - time.Start.Month;
        return time.Start.AddMonths(months) < date ? months + 1 : months;
    }
}
