using System.Globalization;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// The Vietnamese lunar calendar (âm lịch Việt Nam): conversions between gregorian and lunar dates, leap months,
/// month lengths, Tết and the Can Chi name of a year.
/// </summary>
/// <remarks>
/// <para><b>Rules.</b> Hồ Ngọc Đức's method ("Thuật toán tính âm lịch"), with new moons and the sun's longitude from
/// Jean Meeus, <i>Astronomical Algorithms</i>, computed for Vietnam's time zone UTC+7 (meridian 105°E): a month
/// begins on the local day of a new moon; month 11 is the month that contains the winter solstice; when 13 months
/// lie between two months 11, the first of them without a major solar term (trung khí) is the leap month and
/// repeats the number of the month before it. Public holidays on lunar dates (Tết Nguyên đán, Hùng Kings' Day 10/3)
/// come from the Labor Code 2019 (Bộ luật Lao động 45/2019/QH14), Art. 112.</para>
/// <para><b>History.</b> The rule is applied to the whole range. Before 1968 the calendar in official use in Vietnam was
/// computed for UTC+8 (North until 1967; South until 1975: Hồ Ngọc Đức, "Âm lịch Việt Nam qua các thời kỳ lịch sử"),
/// so for 1900–1967 this calendar differs from the historic one in 26 years (e.g. Tết 1903, 1925, 1935, 1965; the leap
/// months of 1917, 1922, 1938). From 1968 to 2053 every month agrees with Hồ Ngọc Đức's published tables; after 2053
/// ten years differ from them by one month start, where a new moon falls within minutes of midnight (a prediction
/// either way). See <c>docs/lunar.md</c>.</para>
/// <para><b>Not the Chinese calendar.</b> .NET's <see cref="ChineseLunisolarCalendar"/> computes for UTC+8 and gives
/// other month starts in some years (Tết 1985: 21/1 in Vietnam, 20/2 in China; Tết 2007: 17/2 vs 18/2; Tết 2030:
/// 2/2 vs 3/2). Do not use it for Vietnam.</para>
/// <para><b>Range.</b> Lunar years <see cref="MinYear"/> (1900, Canh Tý) to <see cref="MaxYear"/> (2199, Kỷ Mùi):
/// gregorian dates <see cref="MinDate"/> (1900-01-31) to <see cref="MaxDate"/> (the day before Tết 2200). Outside
/// that range every conversion and year query reports an error; none answers wrongly.</para>
/// <para><b>Speed and threads.</b> Every month start of the range is computed once, on first use, into immutable
/// arrays (thread-safe lazy initialisation); a conversion is then an array lookup, never astronomy. Every member
/// is thread-safe.</para>
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>The first supported lunar year (1900, Canh Tý; it begins on 1900-01-31).</summary>
    public const int MinYear = 1900;

    /// <summary>The last supported lunar year (2199, Kỷ Mùi; it ends the day before Tết 2200).</summary>
    public const int MaxYear = 2199;

    private static readonly string[] Stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
    private static readonly string[] Branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    /// <summary>The first supported gregorian date: Tết (1/1) of lunar year <see cref="MinYear"/>, 1900-01-31.</summary>
    public static LocalDate MinDate => FromJulianDayNumber(LunarTable.Instance.FirstDay);

    /// <summary>The last supported gregorian date: the last day of lunar year <see cref="MaxYear"/>.</summary>
    public static LocalDate MaxDate => FromJulianDayNumber(LunarTable.Instance.LastDay);

    /// <summary>Converts a gregorian date to the Vietnamese lunar date.</summary>
    /// <param name="date">The date (a date in another NodaTime calendar system is converted to ISO first).</param>
    /// <returns>The lunar date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before <see cref="MinDate"/> or
    /// after <see cref="MaxDate"/>; the message is in Vietnamese and English.</exception>
    public static LunarDate FromGregorian(LocalDate date) =>
        TryFromGregorian(date, out LunarDate lunar) ? lunar : throw ToException(GregorianRangeError(date));

    /// <summary>Converts a gregorian date to the Vietnamese lunar date, without throwing.</summary>
    /// <param name="date">The date.</param>
    /// <param name="lunarDate">The lunar date, or <c>default</c> when out of range.</param>
    /// <returns>False if <paramref name="date"/> is outside <see cref="MinDate"/>..<see cref="MaxDate"/>.</returns>
    public static bool TryFromGregorian(LocalDate date, out LunarDate lunarDate)
    {
        // The allocation-free core of every conversion from gregorian: a table lookup.
        LunarTable table = LunarTable.Instance;
        int day = ToJulianDayNumber(date);
        if (day < table.FirstDay || day > table.LastDay)
        {
            lunarDate = default;
            return false;
        }

        int index = table.MonthIndexOfDay(day);
        LunarDate first = table.MonthLabel(index);
        lunarDate = first with { Day = day - table.MonthStart(index) + 1 };
        return true;
    }

    /// <summary>Converts a gregorian date to the Vietnamese lunar date, returning an error instead of throwing.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The lunar date, or the error (<see cref="LunarDateErrorCode.GregorianDateOutOfRange"/>, at the field
    /// <c>date</c>) in Vietnamese and English.</returns>
    public static KtxhResult<LunarDate> ConvertFromGregorian(LocalDate date) =>
        TryFromGregorian(date, out LunarDate lunar)
            ? KtxhResult<LunarDate>.ForValue(lunar)
            : KtxhResult<LunarDate>.ForError(GregorianRangeError(date));

    private static KtxhError GregorianRangeError(LocalDate date) => Error(
        LunarDateErrorCode.GregorianDateOutOfRange,
        "date",
        Invariant($"Ngày {Iso(date)} nằm ngoài phạm vi âm lịch hỗ trợ ({Iso(MinDate)} đến {Iso(MaxDate)}, năm âm lịch {MinYear}–{MaxYear})."),
        Invariant($"The date {Iso(date)} is outside the supported lunar range ({Iso(MinDate)} to {Iso(MaxDate)}, lunar years {MinYear}–{MaxYear})."));

    /// <summary>Converts a Vietnamese lunar date to the gregorian date.</summary>
    /// <param name="date">The lunar date.</param>
    /// <returns>The gregorian date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>..<see cref="MaxYear"/>,
    /// or the day is not in 1..<see cref="DaysInMonth(int, int, bool)"/> (e.g. day 30 of a 29-day month).</exception>
    /// <exception cref="ArgumentException">The month is not 1..12, or the leap flag is set on a month that is not
    /// that year's leap month. Every message is in Vietnamese and English and names the field at fault.</exception>
    public static LocalDate ToGregorian(LunarDate date) =>
        TryToGregorian(date, out LocalDate gregorian) ? gregorian : throw ToException(Validate(date)!);

    /// <summary>Converts a Vietnamese lunar date to the gregorian date, without throwing.</summary>
    /// <param name="date">The lunar date.</param>
    /// <param name="gregorian">The gregorian date, or <c>default</c> when <paramref name="date"/> is not a real lunar date.</param>
    /// <returns>False if <paramref name="date"/> does not exist in the calendar or is out of range.</returns>
    public static bool TryToGregorian(LunarDate date, out LocalDate gregorian)
    {
        // The allocation-free core of every conversion to gregorian; errors are described only when asked for.
        LunarTable table = LunarTable.Instance;
        if (date.Year >= MinYear && date.Year <= MaxYear && date.Month >= 1 && date.Month <= 12 && date.Day >= 1
            && (!date.IsLeapMonth || table.LeapMonth(date.Year) == date.Month))
        {
            // The common case, checked inline: only the day against the month's length remains.
            int index = table.MonthIndex(date.Year, date.Month, date.IsLeapMonth);
            if (date.Day <= table.MonthStart(index + 1) - table.MonthStart(index))
            {
                gregorian = table.MonthStartDate(index).PlusDays(date.Day - 1);
                return true;
            }
        }

        gregorian = default;
        return false;
    }

    /// <summary>Converts a Vietnamese lunar date to the gregorian date, returning an error instead of throwing.</summary>
    /// <param name="date">The lunar date.</param>
    /// <returns>The gregorian date, or the error (a <see cref="LunarDateErrorCode"/> at the field at fault:
    /// <c>Year</c>, <c>Month</c>, <c>IsLeapMonth</c> or <c>Day</c>) in Vietnamese and English.</returns>
    public static KtxhResult<LocalDate> ConvertToGregorian(LunarDate date) =>
        TryToGregorian(date, out LocalDate gregorian)
            ? KtxhResult<LocalDate>.ForValue(gregorian)
            : KtxhResult<LocalDate>.ForError(Validate(date)!);

    /// <summary>Whether <paramref name="date"/> is a real day of the calendar within the supported range.</summary>
    /// <param name="date">The lunar date.</param>
    /// <returns>True if it can be converted.</returns>
    public static bool IsValid(LunarDate date) => Validate(date) is null;

    /// <summary>Says what is wrong with <paramref name="date"/>, or null if it is a real day of the calendar in range.</summary>
    /// <param name="date">The lunar date.</param>
    /// <returns>The first problem found (year, then month, then leap flag, then day) as an error with a
    /// <see cref="LunarDateErrorCode"/> located at the field at fault, or null.</returns>
    public static KtxhError? Validate(LunarDate date)
    {
        if (date.Year < MinYear || date.Year > MaxYear)
        {
            return YearError(date.Year, "Year");
        }

        if (date.Month < 1 || date.Month > 12)
        {
            return Error(
                LunarDateErrorCode.MonthOutOfRange,
                "Month",
                Invariant($"Tháng âm lịch {date.Month} không hợp lệ (trường Month): tháng phải từ 1 đến 12; tháng nhuận dùng IsLeapMonth."),
                Invariant($"Lunar month {date.Month} is invalid (field Month): the month must be 1 to 12; a leap month uses IsLeapMonth."));
        }

        LunarTable table = LunarTable.Instance;
        int leap = table.LeapMonth(date.Year);
        if (date.IsLeapMonth && leap != date.Month)
        {
            string leapVi = leap == 0 ? "năm này không có tháng nhuận" : Invariant($"tháng nhuận của năm này là tháng {leap}");
            string leapEn = leap == 0 ? "this year has no leap month" : Invariant($"this year's leap month is month {leap}");
            return Error(
                LunarDateErrorCode.NotALeapMonth,
                "IsLeapMonth",
                Invariant($"Tháng {date.Month} năm âm lịch {date.Year} không phải tháng nhuận (trường IsLeapMonth): {leapVi}."),
                Invariant($"Month {date.Month} of lunar year {date.Year} is not a leap month (field IsLeapMonth): {leapEn}."));
        }

        int index = table.MonthIndex(date.Year, date.Month, date.IsLeapMonth);
        int length = table.MonthStart(index + 1) - table.MonthStart(index);
        if (date.Day < 1 || date.Day > length)
        {
            string monthVi = Invariant($"tháng {date.Month}{(date.IsLeapMonth ? " nhuận" : string.Empty)} năm âm lịch {date.Year}");
            string monthEn = Invariant($"{(date.IsLeapMonth ? "leap " : string.Empty)}month {date.Month} of lunar year {date.Year}");
            return Error(
                LunarDateErrorCode.DayOutOfRange,
                "Day",
                Invariant($"Ngày {date.Day} không có trong {monthVi} (trường Day): tháng này có {length} ngày."),
                Invariant($"Day {date.Day} does not exist in {monthEn} (field Day): that month has {length} days."));
        }

        return null;
    }

    /// <summary>Whether lunar year <paramref name="lunarYear"/> has 13 months (a leap month).</summary>
    /// <param name="lunarYear">A lunar year in <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <returns>True if the year has a leap month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static bool IsLeapYear(int lunarYear) => LeapMonth(lunarYear) != 0;

    /// <summary>The number of the leap month of <paramref name="lunarYear"/> (the leap month follows the ordinary month of that number), or 0 if none.</summary>
    /// <param name="lunarYear">A lunar year in <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <returns>1..12, or 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static int LeapMonth(int lunarYear)
    {
        CheckYear(lunarYear);
        return LunarTable.Instance.LeapMonth(lunarYear);
    }

    /// <summary>The number of months of <paramref name="lunarYear"/>: 12, or 13 in a leap year.</summary>
    /// <param name="lunarYear">A lunar year in <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <returns>12 or 13.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static int MonthsInYear(int lunarYear)
    {
        CheckYear(lunarYear);
        LunarTable table = LunarTable.Instance;
        return table.FirstMonthIndex(lunarYear + 1) - table.FirstMonthIndex(lunarYear);
    }

    /// <summary>The number of days of <paramref name="lunarYear"/> (353–355, or 383–385 in a leap year).</summary>
    /// <param name="lunarYear">A lunar year in <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <returns>The number of days from Tết to the day before the next Tết.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static int DaysInYear(int lunarYear)
    {
        CheckYear(lunarYear);
        LunarTable table = LunarTable.Instance;
        return table.MonthStart(table.FirstMonthIndex(lunarYear + 1)) - table.MonthStart(table.FirstMonthIndex(lunarYear));
    }

    /// <summary>The number of days (29 or 30) of a month.</summary>
    /// <param name="lunarYear">A lunar year in <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <param name="month">The month number 1..12.</param>
    /// <param name="isLeapMonth">True for the leap month that follows month <paramref name="month"/>.</param>
    /// <returns>29 or 30.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    /// <exception cref="ArgumentException">The month is not 1..12, or that month is not the year's leap month.</exception>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        KtxhError? error = Validate(new LunarDate(lunarYear, month, 1, isLeapMonth));
        if (error is not null)
        {
            throw ToException(error);
        }

        LunarTable table = LunarTable.Instance;
        int index = table.MonthIndex(lunarYear, month, isLeapMonth);
        return table.MonthStart(index + 1) - table.MonthStart(index);
    }

    /// <summary>The gregorian date of Tết Nguyên đán (mùng 1 tháng Giêng, lunar 1/1) of <paramref name="lunarYear"/>.</summary>
    /// <param name="lunarYear">A lunar year in <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <returns>The gregorian date of Tết.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static LocalDate NewYear(int lunarYear)
    {
        CheckYear(lunarYear);
        LunarTable table = LunarTable.Instance;
        return table.MonthStartDate(table.FirstMonthIndex(lunarYear));
    }

    /// <summary>
    /// The Can Chi (sexagenary) name of a lunar year, heavenly stem then earthly branch, in Vietnamese: 2026 is
    /// "Bính Ngọ", 2020 "Canh Tý". Defined for any year, not only the supported range.
    /// </summary>
    /// <param name="lunarYear">A lunar year.</param>
    /// <returns>The name, NFC-normalised.</returns>
    public static string CanChiYear(int lunarYear)
    {
        // Year 4 AD (and every 60 years after) is Giáp Tý, the first of the cycle.
        int stem = (int)(((lunarYear + 6L) % 10 + 10) % 10);
        int branch = (int)(((lunarYear + 8L) % 12 + 12) % 12);
        return Stems[stem] + " " + Branches[branch];
    }

    /// <summary>Maps an error to the exception the throwing methods document.</summary>
    // A date passed in code is a programmer's argument, so the throwing methods keep argument exceptions.
    private static Exception ToException(KtxhError error) =>
        error.TryGetCode(out LunarDateErrorCode code) && code is LunarDateErrorCode.MonthOutOfRange or LunarDateErrorCode.NotALeapMonth
            ? new ArgumentException(error.Message, error.Location.Field)
            : new ArgumentOutOfRangeException(error.Location.Field, error.Message);

    private static KtxhError Error(LunarDateErrorCode code, string field, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtField(field), vi, en);

    private static void CheckYear(int lunarYear)
    {
        if (lunarYear < MinYear || lunarYear > MaxYear)
        {
            throw ToException(YearError(lunarYear, "lunarYear"));
        }
    }

    private static KtxhError YearError(int year, string field) => Error(
        LunarDateErrorCode.YearOutOfRange,
        field,
        Invariant($"Năm âm lịch {year} nằm ngoài phạm vi hỗ trợ {MinYear}–{MaxYear} (trường {field})."),
        Invariant($"Lunar year {year} is outside the supported range {MinYear}–{MaxYear} (field {field})."));

    private static int ToJulianDayNumber(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        if (date.Year < 1)
        {
            return 0; // Before DateOnly's range and long before the supported range: reported as out of range.
        }

        return date.ToDateOnly().DayNumber + LunarAstronomy.DateOnlyToJulianDayNumber;
    }

    private static LocalDate FromJulianDayNumber(int julianDayNumber) => LunarAstronomy.ToLocalDate(julianDayNumber);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
