using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// The astronomy behind the Vietnamese lunar calendar, after Hồ Ngọc Đức's method ("Thuật toán tính âm lịch"),
/// which takes its formulas from Jean Meeus, <i>Astronomical Algorithms</i> (mean new moon with the main periodic
/// terms, ch. 49; the sun's apparent longitude at low precision, ch. 25).
/// </summary>
/// <remarks>
/// Double precision is right here: nothing is summed or reported; every result is rounded down to a whole day
/// number in the Vietnamese time zone (UTC+7, meridian 105°E) or to a 30° sector of the ecliptic.
/// Only <see cref="LunarTable"/> calls this, once, to precompute the month starts; a conversion never does.
/// </remarks>
internal static class LunarAstronomy
{
    /// <summary>Vietnam's time zone offset from UTC, in hours (the 105°E meridian).</summary>
    public const double VietnamTimeZoneHours = 7.0;

    /// <summary>Mean length of a synodic month in days (Meeus).</summary>
    public const double SynodicMonth = 29.530588853;

    /// <summary>The Julian day of the new moon numbered 0 (1900-01-01, 13:52 UTC), the origin of <c>k</c>.</summary>
    public const double NewMoonEpoch = 2415021.076998695;

    private const double Degree = Math.PI / 180.0;

    /// <summary>
    /// The instant (Julian day, UT) of the <paramref name="k"/>-th new moon after the one of 1900-01-01.
    /// </summary>
    /// <param name="k">Lunation number (0 = the new moon of 1900-01-01).</param>
    /// <returns>The Julian day of the new moon, universal time.</returns>
    public static double NewMoon(int k)
    {
        double t = k / 1236.85; // Julian centuries from 1900-01-01.
        double t2 = t * t;
        double t3 = t2 * t;
        double meanNewMoon = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3)
            + (0.00033 * Math.Sin(((166.56 + (132.87 * t)) - (0.009173 * t2)) * Degree));
        double sunAnomaly = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        double moonAnomaly = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        double moonLatitude = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);

        double correction = ((0.1734 - (0.000393 * t)) * Sin(sunAnomaly)) + (0.0021 * Sin(2 * sunAnomaly))
            - (0.4068 * Sin(moonAnomaly)) + (0.0161 * Sin(2 * moonAnomaly))
            - (0.0004 * Sin(3 * moonAnomaly))
            + (0.0104 * Sin(2 * moonLatitude)) - (0.0051 * Sin(sunAnomaly + moonAnomaly))
            - (0.0074 * Sin(sunAnomaly - moonAnomaly)) + (0.0004 * Sin((2 * moonLatitude) + sunAnomaly))
            - (0.0004 * Sin((2 * moonLatitude) - sunAnomaly)) - (0.0006 * Sin((2 * moonLatitude) + moonAnomaly))
            + (0.0010 * Sin((2 * moonLatitude) - moonAnomaly)) + (0.0005 * Sin((2 * moonAnomaly) + sunAnomaly));

        // Difference between dynamical time and universal time (ΔT), in days.
        double deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return meanNewMoon + correction - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, in [0, 2π), at the Julian day <paramref name="julianDay"/>.</summary>
    /// <param name="julianDay">A Julian day (UT; the difference from dynamical time is negligible at this precision).</param>
    /// <returns>The longitude in radians.</returns>
    public static double SunLongitude(double julianDay)
    {
        double t = (julianDay - 2451545.0) / 36525; // Julian centuries from J2000.0.
        double t2 = t * t;
        double meanAnomaly = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        double meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        double equationOfCentre = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Sin(2 * meanAnomaly)) + (0.000290 * Sin(3 * meanAnomaly));
        double longitude = (meanLongitude + equationOfCentre) * Degree;
        longitude -= 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
        return longitude;
    }

    /// <summary>The Julian day number of the local (UTC+7) day on which the <paramref name="k"/>-th new moon falls.</summary>
    /// <param name="k">Lunation number.</param>
    /// <returns>The Julian day number of that day in Vietnam.</returns>
    public static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (VietnamTimeZoneHours / 24));

    /// <summary>
    /// The 30° sector (0..11) of the ecliptic the sun is in at the start (local midnight, UTC+7) of the day
    /// <paramref name="julianDayNumber"/>. Sector 9 begins at the winter solstice (270°); each sector begins at a
    /// major solar term (trung khí).
    /// </summary>
    /// <param name="julianDayNumber">A Julian day number.</param>
    /// <returns>The sector index, 0 to 11.</returns>
    public static int SunSectorAtStartOfDay(int julianDayNumber)
        => (int)Math.Floor(SunLongitude(julianDayNumber - 0.5 - (VietnamTimeZoneHours / 24)) / Math.PI * 6);

    /// <summary>The lunation number of the new moon that falls on the local day <paramref name="newMoonDay"/>.</summary>
    /// <param name="newMoonDay">The Julian day number of a new moon day.</param>
    /// <returns>The lunation number <c>k</c>.</returns>
    public static int LunationOf(int newMoonDay) => (int)Math.Floor(((newMoonDay - NewMoonEpoch) / SynodicMonth) + 0.5);

    /// <summary>
    /// The Julian day number of the first day of lunar month 11 (tháng Một) of the lunar year that begins in
    /// gregorian year <paramref name="gregorianYear"/>: the month that contains the winter solstice of that year.
    /// </summary>
    /// <param name="gregorianYear">A gregorian year.</param>
    /// <returns>The Julian day number of the start of that month 11.</returns>
    public static int Month11Start(int gregorianYear)
    {
        int december31 = JulianDayNumber(gregorianYear, 12, 31);
        int k = (int)Math.Floor((december31 - 2415021) / SynodicMonth);
        int newMoonDay = NewMoonDay(k);
        // If that month starts after the solstice (sun already past 270°), month 11 is the one before.
        return SunSectorAtStartOfDay(newMoonDay) >= 9 ? NewMoonDay(k - 1) : newMoonDay;
    }

    /// <summary>
    /// In a lunar year with 13 months between two months 11, the offset (1..12) from month 11 of the first month
    /// that contains no major solar term: the leap month, which repeats the number of the month before it.
    /// </summary>
    /// <param name="month11Start">The Julian day number of the first month 11.</param>
    /// <returns>The offset of the leap month from that month 11.</returns>
    public static int LeapMonthOffset(int month11Start)
    {
        int k = LunationOf(month11Start);
        int i = 1; // The month right after month 11 is the first candidate.
        int sector = SunSectorAtStartOfDay(NewMoonDay(k + i));
        int previous;
        do
        {
            previous = sector;
            i++;
            sector = SunSectorAtStartOfDay(NewMoonDay(k + i));
        }
        while (sector != previous && i < 14);
        return i - 1;
    }

    /// <summary>The Julian day number of a proleptic gregorian date.</summary>
    /// <param name="year">Year.</param>
    /// <param name="month">Month 1..12.</param>
    /// <param name="day">Day of month.</param>
    /// <returns>The Julian day number (2000-01-01 is 2451545).</returns>
    public static int JulianDayNumber(int year, int month, int day)
        => new DateOnly(year, month, day).DayNumber + DateOnlyToJulianDayNumber;

    /// <summary>The date of a Julian day number.</summary>
    /// <param name="julianDayNumber">A Julian day number.</param>
    /// <returns>The ISO date.</returns>
    public static LocalDate ToLocalDate(int julianDayNumber)
        => LocalDate.FromDateOnly(DateOnly.FromDayNumber(julianDayNumber - DateOnlyToJulianDayNumber));

    /// <summary>Add to <see cref="DateOnly.DayNumber"/> to get the Julian day number.</summary>
    public const int DateOnlyToJulianDayNumber = 1721426;

    private static double Sin(double degrees) => Math.Sin(degrees * Degree);
}
