using NodaTime;

namespace Ktxh.Periods;

/// <summary>Everything a <see cref="WorkingCalendar"/> knows about one gregorian year, computed once: the days off,
/// the rest days worked, and a working-day bitmap with prefix counts for O(1) lookups and counting.</summary>
internal sealed class YearTable
{
    private readonly bool[] _working;   // index: day of year - 1
    private readonly int[] _prefix;     // _prefix[k] = working days among days 1..k of the year

    private YearTable(
        int year,
        bool isForecast,
        Dictionary<LocalDate, DayOff> daysOff,
        HashSet<LocalDate> makeUpDates,
        IReadOnlyList<MakeUpWorkingDay> makeUpDays,
        bool[] working)
    {
        Year = year;
        IsForecast = isForecast;
        DaysOffByDate = daysOff;
        MakeUpDates = makeUpDates;
        // Read-only wrappers: the tables are shared by every caller of the calendar, and a bare array or list handed
        // out as IReadOnlyList can be cast back and written to.
        MakeUpDays = makeUpDays.ToArray().AsReadOnly();
        DaysOff = daysOff.Values.OrderBy(d => d.Date).ToArray().AsReadOnly();
        _working = working;
        _prefix = new int[working.Length + 1];
        for (int i = 0; i < working.Length; i++)
        {
            _prefix[i + 1] = _prefix[i] + (working[i] ? 1 : 0);
        }
    }

    public int Year { get; }

    public bool IsForecast { get; }

    public Dictionary<LocalDate, DayOff> DaysOffByDate { get; }

    public HashSet<LocalDate> MakeUpDates { get; }

    public IReadOnlyList<DayOff> DaysOff { get; }

    public IReadOnlyList<MakeUpWorkingDay> MakeUpDays { get; }

    public int DaysInYear => _working.Length;

    public int WorkingDayCount => _prefix[_working.Length];

    public bool IsWorking(int dayOfYear) => _working[dayOfYear - 1];

    /// <summary>Working days among days 1..<paramref name="dayOfYear"/> (0 gives 0).</summary>
    public int WorkingDaysUpTo(int dayOfYear) => _prefix[dayOfYear];

    /// <summary>The smallest day of year k with <c>WorkingDaysUpTo(k) == count</c> (1 ≤ count ≤ total): the
    /// count-th working day of the year.</summary>
    public int NthWorkingDay(int count)
    {
        int lo = 1, hi = _working.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_prefix[mid] >= count)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Computes the year from the rules, the official decisions and the host's options.</summary>
    public static YearTable Build(int year, CalendarOptions options)
    {
        options.Decisions.TryGetValue(year, out YearDecision? decision);
        bool forecast = decision is null;
        var daysOff = new Dictionary<LocalDate, DayOff>();
        var holidays = new List<DayOff>();

        void Holiday(LocalDate date, string vi, string en, string source)
        {
            holidays.Add(new DayOff(date, vi, en, DayOffReason.PublicHoliday, source));
        }

        var newYearsDay = new LocalDate(year, 1, 1);
        Holiday(newYearsDay, "Tết Dương lịch", "New Year's Day", HolidayRules.HolidayArticle(newYearsDay));

        LocalDate lunarNewYear = HolidayRules.LunarNewYear(year);
        IReadOnlyList<LocalDate> tetDays = decision?.TetDays ?? HolidayRules.ForecastTetDays(year);
        string tetSource = decision is not null
            ? decision.TetSource.Citation + "; " + HolidayRules.HolidayArticle(lunarNewYear)
            : HolidayRules.Forecast(HolidayRules.HolidayArticle(lunarNewYear));
        foreach (LocalDate day in tetDays)
        {
            // Named by the lunar day: "29 tháng Chạp" before Tết, "mùng N" from Tết on.
            // (Before 1900-01-31 the lunar calendar has no date: the old year's days are then just "before Tết".)
            string vi, en;
            if (day >= lunarNewYear)
            {
                int lunarDay = Period.DaysBetween(lunarNewYear, day) + 1;
                vi = $"Tết Nguyên đán (mùng {lunarDay})";
                en = $"Lunar New Year (Tết, day {lunarDay} of the 1st lunar month)";
            }
            else if (VietnameseLunarCalendar.TryFromGregorian(day, out LunarDate lunar))
            {
                vi = $"Tết Nguyên đán ({lunar.Day} tháng Chạp)";
                en = $"Lunar New Year (Tết, {lunar.Day}th of the 12th lunar month)";
            }
            else
            {
                vi = "Tết Nguyên đán (trước Tết)";
                en = "Lunar New Year (Tết, before the new year)";
            }
            holidays.Add(new DayOff(day, vi, en, DayOffReason.PublicHoliday, tetSource) { IsForecast = decision is null });
        }

        if (HolidayRules.HasHungKingsDay(year))
        {
            LocalDate hung = HolidayRules.HungKingsDay(year);
            Holiday(hung, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hùng Kings' Commemoration Day (10/3 lunar)",
                HolidayRules.HolidayArticle(hung));
        }

        var reunification = new LocalDate(year, 4, 30);
        Holiday(reunification, "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)", HolidayRules.HolidayArticle(reunification));
        var labourDay = new LocalDate(year, 5, 1);
        Holiday(labourDay, "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)", HolidayRules.HolidayArticle(labourDay));
        var nationalDay = new LocalDate(year, 9, 2);
        Holiday(nationalDay, "Quốc khánh (2/9)", "National Day (2 September)", HolidayRules.HolidayArticle(nationalDay));
        if (HolidayRules.HasNationalDayAdjacentDay(year))
        {
            LocalDate adjacent = decision?.NationalDayAdjacent ?? HolidayRules.ForecastNationalDayAdjacent(year);
            string source = decision?.NationalDayAdjacentSource is { } s
                ? s.Citation + "; " + HolidayRules.HolidayArticle(nationalDay)
                : HolidayRules.Forecast(HolidayRules.HolidayArticle(nationalDay));
            holidays.Add(new DayOff(adjacent, "Quốc khánh (ngày liền kề)", "National Day (adjacent day)",
                DayOffReason.PublicHoliday, source) { IsForecast = decision is null });
        }

        if (decision is not null)
        {
            foreach (ExtraDayOffDecision extra in decision.ExtraDaysOff)
            {
                holidays.Add(new DayOff(extra.Date, extra.NameVi, extra.NameEn, DayOffReason.PublicHoliday, extra.Source.Citation));
            }
        }

        if (options.CultureDayFrom is { } cultureFrom)
        {
            var cultureDay = new LocalDate(year, 11, 24);
            if (cultureDay >= cultureFrom)
            {
                Holiday(cultureDay, "Ngày Văn hóa Việt Nam (24/11)", "Vietnam Culture Day (24 November)",
                    "Kết luận của Bộ Chính trị chọn 24/11 là Ngày Văn hóa Việt Nam; Nghị quyết 30/NQ-CP (2026) giao sửa Điều 112 khoản 1 "
                    + "Bộ luật Lao động; áp dụng từ " + cultureFrom.ToString("dd/MM/yyyy", null) + " theo cấu hình của bên sử dụng "
                    + "(Politburo decision; Government Resolution 30/NQ-CP (2026) orders the Labor Code Art. 112(1) amendment; "
                    + "applied by host configuration)");
            }
        }

        // Holidays first (a date listed twice keeps its first entry; the second is compensated like a rest-day clash).
        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        var toCompensate = new List<DayOff>();
        foreach (DayOff holiday in holidays)
        {
            if (!daysOff.TryAdd(holiday.Date, holiday) || options.IsRestDay(holiday.Date))
            {
                toCompensate.Add(holiday);
            }
        }

        // Swaps apply where the worked day is a rest day and the day off a working weekday of this week.
        var makeUpDates = new HashSet<LocalDate>();
        var makeUpDays = new List<MakeUpWorkingDay>();
        for (int y = year - 1; y <= year + 1; y++)
        {
            if (!options.Decisions.TryGetValue(y, out YearDecision? d))
            {
                continue;
            }

            foreach (SwapDecision swap in d.Swaps)
            {
                if (!options.IsRestDay(swap.WorkedDay) || options.IsRestDay(swap.DayOff))
                {
                    continue;
                }

                if (swap.DayOff.Year == year)
                {
                    daysOff.TryAdd(swap.DayOff, new DayOff(
                        swap.DayOff,
                        $"Nghỉ hoán đổi (làm bù {VietnameseWeekday(swap.WorkedDay)} {swap.WorkedDay.ToString("dd/MM/yyyy", null)})",
                        $"Swapped day off (worked on {swap.WorkedDay.DayOfWeek} {swap.WorkedDay.ToString("yyyy-MM-dd", null)})",
                        DayOffReason.Swap,
                        swap.Source.Citation) { RelatedDate = swap.WorkedDay });
                }

                if (swap.WorkedDay.Year == year && makeUpDates.Add(swap.WorkedDay))
                {
                    makeUpDays.Add(new MakeUpWorkingDay(swap.WorkedDay, swap.DayOff, swap.Source.Citation));
                }
            }
        }

        foreach (DayOff local in options.LocalDays)
        {
            if (local.Date.Year == year && !options.IsRestDay(local.Date))
            {
                daysOff.TryAdd(local.Date, local);
            }
        }

        // Compensation: the next working day after the holiday (Labor Code 2019 Art. 111(3); 2012 Art. 115(3)).
        foreach (DayOff holiday in toCompensate)
        {
            LocalDate candidate = holiday.Date.PlusDays(1);
            while (options.IsRestDay(candidate) || daysOff.ContainsKey(candidate) || makeUpDates.Contains(candidate))
            {
                candidate = candidate.PlusDays(1);
            }

            if (candidate.Year != year)
            {
                continue; // no holiday of the rules lies late enough in December for this to happen
            }

            daysOff.Add(candidate, new DayOff(
                candidate,
                $"Nghỉ bù {holiday.NameVi} ({holiday.Date.ToString("dd/MM/yyyy", null)} trùng ngày nghỉ hằng tuần)",
                $"Compensation day for {holiday.NameEn} ({holiday.Date.ToString("yyyy-MM-dd", null)} fell on the weekly rest day)",
                DayOffReason.Compensation,
                (holiday.IsForecast ? HolidayRules.Forecast(HolidayRules.CompensationArticle(holiday.Date)) : HolidayRules.CompensationArticle(holiday.Date)))
            {
                IsForecast = holiday.IsForecast,
                RelatedDate = holiday.Date,
            });
        }

        // Holidays that fall on rest days stay listed (they are holidays, not plain rest days).
        int length = CalendarSystem.Iso.GetDaysInYear(year);
        var working = new bool[length];
        LocalDate first = new(year, 1, 1);
        for (int i = 0; i < length; i++)
        {
            LocalDate date = first.PlusDays(i);
            working[i] = makeUpDates.Contains(date) || (!options.IsRestDay(date) && !daysOff.ContainsKey(date));
        }

        makeUpDays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return new YearTable(year, forecast, daysOff, makeUpDates, makeUpDays, working);
    }

    internal static string VietnameseWeekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Monday => "thứ Hai",
        IsoDayOfWeek.Tuesday => "thứ Ba",
        IsoDayOfWeek.Wednesday => "thứ Tư",
        IsoDayOfWeek.Thursday => "thứ Năm",
        IsoDayOfWeek.Friday => "thứ Sáu",
        IsoDayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };
}
