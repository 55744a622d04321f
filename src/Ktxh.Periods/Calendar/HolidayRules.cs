using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// The holiday rules of the Labor Codes, with the dates they took effect, and the forecast rules used for years
/// without an official decision.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Labor Code 2019</b> (45/2019/QH14), in force from 1/1/2021, Art. 112(1): New Year 1/1 (1 day); Tết
/// Nguyên đán 5 days (days chosen each year by the Prime Minister); Hùng Kings' Day 10/3 lunar (1 day); 30/4 (1 day);
/// 1/5 (1 day); National Day 2/9 plus one adjacent day before or after (2 days); Art. 112(3): the Prime Minister
/// fixes the Tết days and the National Day adjacent day each year. Art. 111(3): a holiday that falls on the weekly
/// rest day is compensated on the next working day.</item>
/// <item><b>Labor Code 2012</b> (10/2012/QH13), in force from 1/5/2013 to 31/12/2020, Art. 115(1): the same
/// holidays but National Day is one day (2/9); Art. 115(3): compensation on the next day.</item>
/// <item><b>Labor Code 1994</b> (35-L/CTN, in force from 1/1/1995), Art. 73 as amended: Tết is 4 days; Hùng Kings'
/// Day was added by Law 84/2007/QH11 (applied here from 2007). Before 1995 no rule is modelled: the 1994 list is
/// applied as an approximation and every such year is a forecast. These older rules are outside the official data
/// (2020–2026) and were not checked against the texts here.</item>
/// </list>
/// The lunar dates (Tết, 10/3) come from <see cref="VietnameseLunarCalendar"/> (Vietnamese calendar, UTC+7).
/// </remarks>
internal static class HolidayRules
{
    /// <summary>The first year the calendar computes (the lunar calendar's first year).</summary>
    public const int MinYear = 1900;

    /// <summary>The last year the calendar computes (the lunar calendar's last year).</summary>
    public const int MaxYear = 2199;

    /// <summary>Labor Code 2019 took effect on 1/1/2021.</summary>
    public static readonly LocalDate LaborCode2019Start = new(2021, 1, 1);

    /// <summary>Labor Code 2012 took effect on 1/5/2013.</summary>
    public static readonly LocalDate LaborCode2012Start = new(2013, 5, 1);

    /// <summary>The first year Hùng Kings' Day is a paid holiday (Law 84/2007/QH11 amending Labor Code 1994 Art. 73).</summary>
    public const int HungKingsDayFirstYear = 2007;

    public const string Code2019 = "45/2019/QH14";
    public const string Code2012 = "10/2012/QH13";
    public const string Code1994 = "35-L/CTN (1994)";

    private const string ForecastSuffix = " — dự báo theo quy tắc, chưa có quyết định chính thức / forecast by rule, no official decision";

    /// <summary>The gregorian date of Tết (1/1 of the lunar year that begins in <paramref name="year"/>).</summary>
    public static LocalDate LunarNewYear(int year) => VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 1, 1, false));

    /// <summary>The gregorian date of Hùng Kings' Day (10/3 lunar) in <paramref name="year"/>.</summary>
    public static LocalDate HungKingsDay(int year) => VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10, false));

    /// <summary>The Labor Code whose holiday list applies on <paramref name="date"/>.</summary>
    public static string LaborCodeOn(LocalDate date) =>
        date >= LaborCode2019Start ? Code2019 : date >= LaborCode2012Start ? Code2012 : Code1994;

    /// <summary>The number of Tết days off in <paramref name="year"/>: 5 under the 2012 and 2019 codes, 4 before.</summary>
    public static int TetLength(int year) => LunarNewYear(year) >= LaborCode2012Start ? 5 : 4;

    /// <summary>True from 2021: National Day has one adjacent day off (Labor Code 2019 Art. 112(1)(đ)).</summary>
    public static bool HasNationalDayAdjacentDay(int year) => year >= LaborCode2019Start.Year;

    /// <summary>True from 2007: Hùng Kings' Day is a holiday.</summary>
    public static bool HasHungKingsDay(int year) => year >= HungKingsDayFirstYear;

    /// <summary>The article that lists the holidays on <paramref name="date"/>.</summary>
    public static string HolidayArticle(LocalDate date) => LaborCodeOn(date) switch
    {
        Code2019 => "Bộ luật Lao động 45/2019/QH14, Điều 112 khoản 1 (Labor Code 2019, Art. 112(1))",
        Code2012 => "Bộ luật Lao động 10/2012/QH13, Điều 115 khoản 1 (Labor Code 2012, Art. 115(1))",
        _ => "Bộ luật Lao động 1994, Điều 73 (Labor Code 1994, Art. 73)",
    };

    /// <summary>The article that gives a compensation day for a holiday on the weekly rest day.</summary>
    public static string CompensationArticle(LocalDate holiday) => LaborCodeOn(holiday) switch
    {
        Code2019 => "Bộ luật Lao động 45/2019/QH14, Điều 111 khoản 3 (Labor Code 2019, Art. 111(3))",
        Code2012 => "Bộ luật Lao động 10/2012/QH13, Điều 115 khoản 3 (Labor Code 2012, Art. 115(3))",
        _ => "Bộ luật Lao động 1994, Điều 73 (Labor Code 1994, Art. 73)",
    };

    /// <summary>Appends the forecast warning to a citation.</summary>
    public static string Forecast(string citation) => citation + ForecastSuffix;

    /// <summary>
    /// Forecast of the Tết days for a year without an official decision.
    /// </summary>
    /// <remarks>
    /// Rule (5 days): the last two days of the old lunar year and mùng 1–3; but when mùng 1 falls on a Tuesday, the
    /// last day of the old year and mùng 1–4, so that the five days are Monday–Friday. Basis: the decisions of
    /// 2020–2026 follow exactly this pattern (2020, 2021, 2023, 2024, 2025: last two days + mùng 1–3; 2022 and 2026,
    /// mùng 1 on a Tuesday: last day + mùng 1–4). Rule (4 days, before 1/5/2013): last day + mùng 1–3.
    /// Not official: the Prime Minister chooses the days each year.
    /// </remarks>
    public static IReadOnlyList<LocalDate> ForecastTetDays(int year)
    {
        LocalDate newYear = LunarNewYear(year);
        int length = TetLength(year);
        int before = length == 5 && newYear.DayOfWeek != IsoDayOfWeek.Tuesday ? 2 : 1;
        var days = new LocalDate[length];
        for (int i = 0; i < length; i++)
        {
            days[i] = newYear.PlusDays(i - before);
        }

        return days;
    }

    /// <summary>
    /// Forecast of the day adjacent to National Day (from 2021) for a year without an official decision.
    /// </summary>
    /// <remarks>
    /// Rule: the adjacent day that falls on a weekday and joins the holiday to the weekend: 2/9 on Monday → 3/9;
    /// Tuesday → 1/9; Wednesday → 1/9; Thursday → 3/9; Friday → 1/9; Saturday → 1/9; Sunday → 3/9. Basis: the
    /// decisions of 2021 (Thu → 3/9), 2022 (Fri → 1/9), 2023 (Sat → 1/9), 2024 (Mon → 3/9), 2025 (Tue → 1/9) and
    /// 2026 (Wed → 1/9) all match. Not official: the day is chosen each year.
    /// </remarks>
    public static LocalDate ForecastNationalDayAdjacent(int year)
    {
        var nationalDay = new LocalDate(year, 9, 2);
        return nationalDay.DayOfWeek switch
        {
            IsoDayOfWeek.Monday or IsoDayOfWeek.Thursday or IsoDayOfWeek.Sunday => nationalDay.PlusDays(1),
            _ => nationalDay.PlusDays(-1),
        };
    }
}
