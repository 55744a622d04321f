using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Workflow.Accounts;
using NodaTime;
using NodaTime.Testing;

namespace Ktxh.Workflow.Tests.Accounts;

/// <summary>Password age: one day for an issued password (seed 002 Điều 16 khoản 2), 3 months for any (khoản 6 điểm c).</summary>
public class PasswordAgePolicyTests
{
    private static Instant Vn(int y, int m, int d, int h = 0, int min = 0)
        => new LocalDateTime(y, m, d, h, min).InZoneStrictly(PasswordAgePolicy.Vietnam).ToInstant();

    public static TheoryData<string, string, string> MaximumAgeTable => new()
    {
        // Set (Vietnam time) → due (Vietnam time): calendar months, the day kept or cut to the month's last day.
        { "2026-01-15T09:30", "2026-04-15T09:30", "same day three months on" },
        { "2025-11-30T10:00", "2026-02-28T10:00", "cut to the end of February" },
        { "2027-11-30T10:00", "2028-02-29T10:00", "cut to the end of February in a leap year" },
        { "2026-01-31T08:00", "2026-04-30T08:00", "cut to the end of April" },
        { "2026-03-01T01:00", "2026-06-01T01:00", "counted on the Vietnamese date, not the UTC one (28/02 in UTC)" },
        { "2026-12-15T23:59", "2027-03-15T23:59", "across the year end" },
    };

    [Theory]
    [MemberData(nameof(MaximumAgeTable))]
    public void A_password_chosen_by_the_user_is_due_three_calendar_months_later(string set, string due, string why)
    {
        Instant setAt = Parse(set);
        Instant dueAt = Parse(due);
        var issue = new PasswordIssue(setAt, PasswordOrigin.ChosenByUser);

        PasswordAgeStatus before = PasswordAgePolicy.Default.Evaluate(issue, dueAt - Duration.FromMinutes(1));
        Assert.Equal(PasswordAgeState.Ok, before.State);
        Assert.Equal(PasswordAgeRule.MaximumAge, before.Rule);
        Assert.Equal(dueAt, before.DueAt);
        Assert.Equal(dueAt.InZone(PasswordAgePolicy.Vietnam).Date, before.DueOn);
        Assert.Equal(Duration.FromMinutes(1), before.TimeLeft);
        Assert.Null(before.Error);

        PasswordAgeStatus at = PasswordAgePolicy.Default.Evaluate(issue, dueAt);
        Assert.True(at.MustChange, why);
        Assert.True(at.Error!.Is(CredentialErrorCode.PasswordExpired));
        Assert.Contains("Điều 16 khoản 6 điểm c", at.Error.MessageVi, StringComparison.Ordinal);
        Assert.Contains(at.DueOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), at.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_issued_by_an_administrator_must_be_changed_within_one_day_of_receipt()
    {
        Instant received = Vn(2026, 3, 5, 9, 30);
        var issue = new PasswordIssue(received, PasswordOrigin.IssuedByAdministrator);
        var clock = new FakeClock(received + Duration.FromHours(23) + Duration.FromMinutes(59));

        PasswordAgeStatus early = PasswordAgePolicy.Default.Evaluate(issue, clock);
        Assert.Equal(PasswordAgeState.Ok, early.State);
        Assert.Equal(PasswordAgeRule.IssuedPassword, early.Rule);
        Assert.Equal(received + Duration.FromDays(1), early.DueAt);
        Assert.Equal(new LocalDate(2026, 3, 6), early.DueOn);
        Assert.Contains("Điều 16 khoản 2", early.MessageVi, StringComparison.Ordinal);
        Assert.Contains("06/03/2026", early.MessageEn, StringComparison.Ordinal);

        clock.AdvanceMinutes(1);
        PasswordAgeStatus late = PasswordAgePolicy.Default.Evaluate(issue, clock);
        Assert.Equal(PasswordAgeState.MustChangeNow, late.State);
        Assert.Equal(Duration.Zero, late.TimeLeft);
        Assert.True(late.Error!.Is(CredentialErrorCode.IssuedPasswordNotChanged));
        Assert.Equal(PasswordPolicy.PasswordField, late.Error.Location.Field);
    }

    [Fact]
    public void A_stricter_host_may_shorten_both_limits_but_never_lengthen_them()
    {
        var policy = new PasswordAgePolicy { IssuedPasswordLifetime = Duration.FromHours(8), MaximumAge = Period.FromMonths(1) };
        Instant set = Vn(2026, 1, 31, 8);
        Assert.Equal(set + Duration.FromHours(8), policy.Evaluate(new PasswordIssue(set, PasswordOrigin.IssuedByAdministrator), set).DueAt);
        Assert.Equal(Vn(2026, 2, 28, 8), policy.Evaluate(new PasswordIssue(set, PasswordOrigin.ChosenByUser), set).DueAt);
        Assert.Equal(Vn(2026, 3, 2, 8), new PasswordAgePolicy { MaximumAge = Period.FromDays(30) }.DueAt(new PasswordIssue(set, PasswordOrigin.ChosenByUser)).DueAt);

        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { IssuedPasswordLifetime = Duration.FromHours(25) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { IssuedPasswordLifetime = Duration.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { MaximumAge = Period.FromMonths(4) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { MaximumAge = Period.FromDays(90) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { MaximumAge = Period.FromYears(1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { MaximumAge = Period.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { MaximumAge = Period.FromDays(-3) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordAgePolicy { MaximumAge = Period.FromMonths(2) + Period.FromDays(1) });
        Assert.Equal(Period.FromDays(89), new PasswordAgePolicy { MaximumAge = Period.FromDays(89) }.MaximumAge);
    }

    [Fact]
    public void A_password_set_in_the_future_of_the_clock_counts_as_just_set()
    {
        Instant set = Vn(2026, 5, 1, 12);
        PasswordAgeStatus status = PasswordAgePolicy.Default.Evaluate(new PasswordIssue(set, PasswordOrigin.ChosenByUser), set - Duration.FromMinutes(5));
        Assert.Equal(PasswordAgeState.Ok, status.State);
        Assert.Equal(Vn(2026, 8, 1, 12), status.DueAt);
    }

    [Fact]
    public void An_unknown_origin_is_a_programming_error()
        => Assert.Throws<ArgumentOutOfRangeException>(() => PasswordAgePolicy.Default.Evaluate(new PasswordIssue(Instant.FromUtc(2026, 1, 1, 0, 0), (PasswordOrigin)9), Instant.FromUtc(2026, 1, 2, 0, 0)));

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property The_password_must_be_changed_exactly_from_its_due_instant(AgedPassword aged)
    {
        Instant now = aged.Issue.SetAt + aged.Later;
        PasswordAgeStatus status = PasswordAgePolicy.Default.Evaluate(aged.Issue, now);
        (Instant dueAt, PasswordAgeRule rule) = PasswordAgePolicy.Default.DueAt(aged.Issue);
        Duration span = dueAt - aged.Issue.SetAt;
        LocalDateTime setLocal = aged.Issue.SetAt.InZone(PasswordAgePolicy.Vietnam).LocalDateTime;
        LocalDateTime dueLocal = dueAt.InZone(PasswordAgePolicy.Vietnam).LocalDateTime;
        bool spanOk = aged.Issue.Origin == PasswordOrigin.IssuedByAdministrator
            ? rule == PasswordAgeRule.IssuedPassword && span == Duration.FromDays(1)
            : rule == PasswordAgeRule.MaximumAge && span >= Duration.FromDays(89) && span <= Duration.FromDays(92)
                && dueLocal.TimeOfDay == setLocal.TimeOfDay
                && (dueLocal.Day == setLocal.Day || (dueLocal.Day < setLocal.Day && dueLocal.Date == dueLocal.Date.With(DateAdjusters.EndOfMonth)));
        bool ok = status.DueAt == dueAt && status.MustChange == (now >= dueAt) && status.TimeLeft == dueAt - now
            && (status.Error is null) != status.MustChange && spanOk;
        return ok.Label($"{aged.Issue} at {now}: {status}")
            .Classify(status.MustChange, "must change now")
            .Classify(aged.Issue.Origin == PasswordOrigin.ChosenByUser && dueLocal.Day != setLocal.Day, "cut to the month's end")
            .Collect(aged.Issue.Origin);
    }

    private static Instant Parse(string local)
        => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(local + ":00").Value.InZoneStrictly(PasswordAgePolicy.Vietnam).ToInstant();
}
