using NodaTime;

namespace Ktxh.Workflow.Accounts;

/// <summary>
/// How long a password may be used, after seed 002 Điều 16 (<c>002-hanoi-ktxh-system-regulation.txt</c>, the regulation
/// issued with Hanoi's Quyết định 690/QĐ-UBND of 12/02/2025): a password issued by an administrator is changed within one
/// day of receipt (khoản 2), and every password at least once every 3 months (khoản 6 điểm c). Judged against an
/// injected clock or a given instant; a helper a host calls at sign-in.
/// </summary>
/// <remarks>
/// <para>"One day" is 24 hours from the instant the user received the password (<see cref="IssuedPasswordLifetime"/>).</para>
/// <para>"3 months" is counted in calendar months on the local date and time in Vietnam (<see cref="Zone"/>), with
/// NodaTime's <see cref="Period"/> arithmetic (<see cref="MaximumAge"/>): a password set at 09:30 on 15/01 is due at
/// 09:30 on 15/04; one set on 30/11 is due on 28/02 (29/02 in a leap year), the last day of the shorter month, never
/// spilling into March.</para>
/// <para>The password may be used strictly before its due instant; from that instant it must be changed. A password
/// issued by an administrator is due at the earlier of the two rules (in practice, after one day). A password set in
/// the future of the evaluation (a clock skew) counts as just set. Immutable and thread-safe.</para>
/// </remarks>
public sealed class PasswordAgePolicy
{
    /// <summary>The time zone of the regulation's dates: Vietnam (<c>Asia/Ho_Chi_Minh</c>, UTC+7).</summary>
    public static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>Gets the policy of the regulation: one day for an issued password, 3 calendar months for every password, in Vietnam's time.</summary>
    public static PasswordAgePolicy Default { get; } = new();

    /// <summary>Gets how long a password issued by an administrator may be used after receipt: one day (24 hours); a host may shorten it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, a negative duration or more than one day.</exception>
    public Duration IssuedPasswordLifetime
    {
        get;
        init
        {
            if (value <= Duration.Zero || value > Duration.FromDays(1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The lifetime of an issued password lies in (0, 1 day] (seed 002 Điều 16 khoản 2).");
            }

            field = value;
        }
    } = Duration.FromDays(1);

    /// <summary>Gets how long any password may be used: 3 calendar months; a host may shorten it.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Set to a period that is zero or has a negative part, or is neither 1 to 3 whole months nor a fixed length of at most 89 days (the shortest 3 calendar months).</exception>
    public Period MaximumAge
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!IsPositiveAndAtMostThreeMonths(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum age is positive and at most 3 months (seed 002 Điều 16 khoản 6 điểm c).");
            }

            field = value;
        }
    } = Period.FromMonths(3);

    /// <summary>Gets the time zone in which calendar months are counted and due dates are shown (default <see cref="Vietnam"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DateTimeZone Zone
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
        }
    } = Vietnam;

    /// <summary>Gets the instant from which a password must be changed.</summary>
    /// <param name="issue">When and by whom the password was set.</param>
    /// <returns>The due instant and the rule that sets it.</returns>
    public (Instant DueAt, PasswordAgeRule Rule) DueAt(PasswordIssue issue)
    {
        Instant periodic = issue.SetAt.InZone(Zone).LocalDateTime.Plus(MaximumAge).InZoneLeniently(Zone).ToInstant();
        if (issue.Origin == PasswordOrigin.IssuedByAdministrator)
        {
            Instant issued = issue.SetAt + IssuedPasswordLifetime;
            if (issued <= periodic)
            {
                return (issued, PasswordAgeRule.IssuedPassword);
            }
        }

        return (periodic, PasswordAgeRule.MaximumAge);
    }

    /// <summary>Judges a password's age at an instant.</summary>
    /// <param name="issue">When and by whom the password was set.</param>
    /// <param name="now">The instant of the judgement.</param>
    /// <returns>The status: <see cref="PasswordAgeState.MustChangeNow"/> from the due instant on, else <see cref="PasswordAgeState.Ok"/> with the due instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issue"/> has an origin that is not defined.</exception>
    public PasswordAgeStatus Evaluate(PasswordIssue issue, Instant now)
    {
        if (!Enum.IsDefined(issue.Origin))
        {
            throw new ArgumentOutOfRangeException(nameof(issue), issue.Origin, "Unknown password origin.");
        }

        (Instant due, PasswordAgeRule rule) = DueAt(issue);
        PasswordAgeState state = now >= due ? PasswordAgeState.MustChangeNow : PasswordAgeState.Ok;
        return new PasswordAgeStatus(state, rule, due, due.InZone(Zone).Date, due - now);
    }

    /// <summary>Judges a password's age now, by the injected clock.</summary>
    /// <param name="issue">When and by whom the password was set.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The status (see <see cref="Evaluate(PasswordIssue, Instant)"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issue"/> has an origin that is not defined.</exception>
    public PasswordAgeStatus Evaluate(PasswordIssue issue, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Evaluate(issue, clock.GetCurrentInstant());
    }

    // Either whole months (1 to 3) or a fixed length (weeks, days, time) of at most 89 days, the shortest three
    // calendar months (February to April of a common year), so "at most 3 months" holds from every start.
    private static bool IsPositiveAndAtMostThreeMonths(Period period)
    {
        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Hours < 0
            || period.Minutes < 0 || period.Seconds < 0 || period.Milliseconds < 0 || period.Ticks < 0 || period.Nanoseconds < 0
            || period.Equals(Period.Zero) || period.Years > 0)
        {
            return false;
        }

        if (period.Months > 0)
        {
            return period.Months <= 3 && period.Equals(Period.FromMonths(period.Months));
        }

        return period.ToDuration() <= Duration.FromDays(89);
    }
}
