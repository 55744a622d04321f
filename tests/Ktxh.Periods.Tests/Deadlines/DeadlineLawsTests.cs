using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Periods;

namespace Ktxh.Periods.Tests.Deadlines;

/// <summary>The laws every resolved deadline obeys, whatever the rule, period and convention.</summary>
public class DeadlineLawsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;

    // Decree 09 leaves the 9-month window to the issuing body; provinces use 15/12 to 14/9 (DOMAIN.md).
    private static readonly CutoffConvention Decree09WithNineMonths =
        CutoffConvention.Decree09.With(PeriodType.NineMonths, CutoffRule.Decree09Day15, "decree09+9m");

    private static Property ForAllDeadlines(Func<Deadline, bool> law) =>
        Prop.ForAll(
            Arb.From(from rule in Arbitraries.DeadlineRules
                     from period in Arbitraries.DeadlinePeriods
                     from decree09 in Gen.Elements(true, false)
                     select rule.Resolve(period, Calendar, decree09 ? Decree09WithNineMonths : CutoffConvention.Calendar)),
            law);

    [Property(MaxTest = 500)]
    public Property The_effective_date_is_a_working_day() =>
        ForAllDeadlines(d => Calendar.IsWorkingDay(d.Effective));

    [Property(MaxTest = 500)]
    public Property No_working_day_lies_between_the_nominal_and_the_effective_date() =>
        ForAllDeadlines(d =>
        {
            for (var day = d.Nominal; day < d.Effective; day = day.PlusDays(1))
            {
                if (Calendar.IsWorkingDay(day))
                {
                    return false;
                }
            }

            return d.Effective >= d.Nominal;
        });

    [Property(MaxTest = 500)]
    public Property Every_skipped_day_is_explained_in_order() =>
        ForAllDeadlines(d =>
            d.DaysSkipped.Count == NodaTime.Period.DaysBetween(d.Nominal, d.Effective)
            && d.DaysSkipped.Select((off, i) => off.Date == d.Nominal.PlusDays(i)).All(x => x));

    [Property(MaxTest = 500)]
    public Property A_working_day_deadline_is_not_moved() =>
        ForAllDeadlines(d => Calendar.IsWorkingDay(d.Nominal) == !d.IsMoved);

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool The_canonical_text_round_trips(DeadlineRule rule) =>
        DeadlineRule.Parse(rule.Id) == rule && DeadlineRule.Parse(rule.Id).Id == rule.Id;

    [Property(MaxTest = 200)]
    public Property Working_days_after_cutoff_counts_exactly_that_many_working_days() =>
        Prop.ForAll(
            Arb.From(from n in Gen.Choose(1, 30)
                     from period in Arbitraries.DeadlinePeriods
                     select (n, period)),
            t =>
            {
                var deadline = DeadlineRule.WorkingDaysAfterCutoff(t.n).Resolve(t.period, Calendar, Decree09WithNineMonths);
                int count = 0;
                for (var day = deadline.Cutoff.End.PlusDays(1); day <= deadline.Effective; day = day.PlusDays(1))
                {
                    count += Calendar.IsWorkingDay(day) ? 1 : 0;
                }

                return count == t.n && !deadline.IsMoved;
            });
}
