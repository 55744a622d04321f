using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// Every lunar month of the supported range, precomputed once: the Julian day number each month starts on and
/// its label (year, number, leap flag). A conversion is a binary search or an index into these arrays.
/// </summary>
/// <remarks>Immutable after construction, so it is safe to share between threads.</remarks>
internal sealed class LunarTable
{
    private static readonly Lazy<LunarTable> Shared = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    // monthStarts[i] is the Julian day number of the first day of month i; monthStarts[^1] is the day after
    // the last supported day (the start of lunar year MaxYear + 1), so month i lasts monthStarts[i+1] - monthStarts[i].
    private readonly int[] monthStarts;

    // The same starts as LocalDate, so that a lunar → gregorian conversion is one PlusDays within a month.
    private readonly LocalDate[] monthStartDates;

    // Month labels, parallel to monthStarts (without the sentinel).
    private readonly short[] monthYears;
    private readonly byte[] monthNumbers;
    private readonly bool[] monthIsLeap;

    // yearFirstMonth[y - MinYear] is the index of month 1 (tháng Giêng) of lunar year y; one sentinel at the end.
    private readonly int[] yearFirstMonth;

    // leapMonths[y - MinYear] is the number of the leap month of lunar year y, or 0.
    private readonly byte[] leapMonths;

    private LunarTable(int[] monthStarts, short[] monthYears, byte[] monthNumbers, bool[] monthIsLeap, int[] yearFirstMonth, byte[] leapMonths)
    {
        this.monthStarts = monthStarts;
        monthStartDates = Array.ConvertAll(monthStarts, LunarAstronomy.ToLocalDate);
        this.monthYears = monthYears;
        this.monthNumbers = monthNumbers;
        this.monthIsLeap = monthIsLeap;
        this.yearFirstMonth = yearFirstMonth;
        this.leapMonths = leapMonths;
    }

    /// <summary>The table for <see cref="VietnameseLunarCalendar.MinYear"/>..<see cref="VietnameseLunarCalendar.MaxYear"/>, built on first use.</summary>
    public static LunarTable Instance => Shared.Value;

    /// <summary>The Julian day number of the first supported day (Tết of the first supported year).</summary>
    public int FirstDay => monthStarts[0];

    /// <summary>The Julian day number of the last supported day.</summary>
    public int LastDay => monthStarts[^1] - 1;

    /// <summary>Number of months in the table.</summary>
    public int MonthCount => monthStarts.Length - 1;

    /// <summary>The start day of month index <paramref name="index"/> (or the sentinel when index = MonthCount).</summary>
    public int MonthStart(int index) => monthStarts[index];

    /// <summary>The gregorian date of the first day of month index <paramref name="index"/> (or the sentinel).</summary>
    public LocalDate MonthStartDate(int index) => monthStartDates[index];

    /// <summary>The lunar date of the first day of month index <paramref name="index"/>.</summary>
    public LunarDate MonthLabel(int index) => new(monthYears[index], monthNumbers[index], 1, monthIsLeap[index]);

    /// <summary>The leap month of a supported lunar year, 0 if none.</summary>
    public int LeapMonth(int year) => leapMonths[year - VietnameseLunarCalendar.MinYear];

    /// <summary>The index of month 1 of a supported lunar year (for MaxYear + 1: the sentinel index).</summary>
    public int FirstMonthIndex(int year) => yearFirstMonth[year - VietnameseLunarCalendar.MinYear];

    /// <summary>The index of the month (year, month, leap), which must exist (checked by the caller).</summary>
    public int MonthIndex(int year, int month, bool isLeapMonth)
    {
        int leap = LeapMonth(year);
        bool afterLeap = leap != 0 && (month > leap || (month == leap && isLeapMonth));
        return FirstMonthIndex(year) + month - 1 + (afterLeap ? 1 : 0);
    }

    /// <summary>The index of the month that contains the Julian day number <paramref name="day"/> (in range).</summary>
    public int MonthIndexOfDay(int day)
    {
        // Months are 29 or 30 days, so the mean month length points at the right month or a neighbour;
        // walking from there is cheaper than a binary search over ~3,700 starts.
        int index = (int)((day - monthStarts[0]) / LunarAstronomy.SynodicMonth);
        index = Math.Clamp(index, 0, monthStarts.Length - 2);
        while (monthStarts[index] > day)
        {
            index--;
        }

        while (monthStarts[index + 1] <= day)
        {
            index++;
        }

        return index;
    }

    private static LunarTable Build()
    {
        const int minYear = VietnameseLunarCalendar.MinYear;
        const int maxYear = VietnameseLunarCalendar.MaxYear;

        var starts = new List<int>(3800);
        var years = new List<short>(3800);
        var numbers = new List<byte>(3800);
        var leaps = new List<bool>(3800);
        var leapMonths = new byte[maxYear - minYear + 1];

        // Months are generated from one month 11 to the next: the span [month 11 of Y-1, month 11 of Y) holds
        // months 11 and 12 of lunar year Y-1 and months 1..10 of lunar year Y (and a leap month if 13 months).
        int previousMonth11 = LunarAstronomy.Month11Start(minYear - 1);
        int sentinel = 0;
        for (int y = minYear; y <= maxYear + 1 && sentinel == 0; y++)
        {
            int month11 = LunarAstronomy.Month11Start(y);
            int k = LunarAstronomy.LunationOf(previousMonth11);
            int count = (int)Math.Round((month11 - previousMonth11) / LunarAstronomy.SynodicMonth);
            if ((count != 12 && count != 13) || LunarAstronomy.NewMoonDay(k) != previousMonth11 || LunarAstronomy.NewMoonDay(k + count) != month11)
            {
                throw new InvalidOperationException($"Lunar table inconsistent around gregorian year {y}.");
            }

            int leapOffset = count == 13 ? LunarAstronomy.LeapMonthOffset(previousMonth11) : int.MaxValue;
            for (int i = 0; i < count; i++)
            {
                int number = i >= leapOffset ? i + 10 : i + 11;
                if (number > 12)
                {
                    number -= 12;
                }

                bool isLeap = i == leapOffset;
                int year = number >= 11 && i < 4 ? y - 1 : y;
                if (year < minYear || year > maxYear)
                {
                    if (year > maxYear)
                    {
                        // Month 1 of MaxYear + 1: its first day ends the supported range.
                        sentinel = LunarAstronomy.NewMoonDay(k + i);
                        break;
                    }

                    continue;
                }

                if (isLeap)
                {
                    leapMonths[year - minYear] = (byte)number;
                }

                starts.Add(LunarAstronomy.NewMoonDay(k + i));
                years.Add((short)year);
                numbers.Add((byte)number);
                leaps.Add(isLeap);
            }

            previousMonth11 = month11;
        }

        starts.Add(sentinel);

        int[] startArray = starts.ToArray();
        short[] yearArray = years.ToArray();
        byte[] numberArray = numbers.ToArray();
        bool[] leapArray = leaps.ToArray();

        var yearFirstMonth = new int[maxYear - minYear + 2];
        for (int i = 0; i < yearArray.Length; i++)
        {
            if (numberArray[i] == 1 && !leapArray[i])
            {
                yearFirstMonth[yearArray[i] - minYear] = i;
            }
        }

        yearFirstMonth[^1] = yearArray.Length;
        return new LunarTable(startArray, yearArray, numberArray, leapArray, yearFirstMonth, leapMonths);
    }
}
