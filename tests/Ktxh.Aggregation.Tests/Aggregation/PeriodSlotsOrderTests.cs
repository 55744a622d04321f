using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation.Engine;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 10: the period slots sort and deduplicate periods without LINQ (a start-up cost in the ReadyToRun
/// process); the order must be that of <c>Distinct().Order()</c>.</summary>
public class PeriodSlotsOrderTests
{
    [Property(MaxTest = 300)]
    public Property SortedDistinct_is_Distinct_then_Order()
    {
        Gen<ReportingPeriod> period = Gen.OneOf(
            from y in Gen.Choose(2024, 2026) from m in Gen.Choose(1, 12) select ReportingPeriod.Month(y, m),
            from y in Gen.Choose(2024, 2026) from q in Gen.Choose(1, 4) select ReportingPeriod.Quarter(y, q),
            from y in Gen.Choose(2024, 2026) from w in Gen.Choose(1, 52) select ReportingPeriod.Week(y, w),
            from y in Gen.Choose(2024, 2026) from m in Gen.Choose(1, 12) from h in Gen.Choose(1, 2) select ReportingPeriod.HalfMonth(y, m, h),
            from y in Gen.Choose(2024, 2026) from m in Gen.Choose(1, 12) select ReportingPeriod.YearToDate(y, m),
            from y in Gen.Choose(2024, 2026) select ReportingPeriod.CalendarYear(y));
        return Prop.ForAll(period.ListOf().ToArbitrary(), periods =>
        {
            Assert.Equal(periods.Distinct().Order().ToArray(), PeriodSlots.SortedDistinct(periods));
            return true.ToProperty();
        });
    }
}
