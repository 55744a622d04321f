using NodaTime;

namespace Ktxh.Periods.Tests.Calendar;

/// <summary>The calendar agrees with a plain day-by-day walk (the benchmark's peer computes the same thing).</summary>
public class NaivePeerAgreementTests
{
    [Fact]
    public void AddWorkingDays_agrees_with_a_day_by_day_walk_2019_to_2028()
    {
        WorkingCalendar calendar = WorkingCalendar.VietnamCivilService;
        for (LocalDate start = new(2019, 6, 1); start.Year < 2028; start = start.PlusDays(7))
        {
            foreach (int n in new[] { -250, -60, -5, -1, 1, 5, 60, 250 })
            {
                LocalDate walked = start;
                int remaining = Math.Abs(n);
                while (remaining > 0)
                {
                    walked = walked.PlusDays(Math.Sign(n));
                    remaining -= calendar.IsWorkingDay(walked) ? 1 : 0;
                }

                Assert.Equal(walked, calendar.AddWorkingDays(start, n));
            }
        }
    }
}
