using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>The <see cref="LunarDate"/> value: formatting, ordering; and the Can Chi names.</summary>
public class LunarDateTests
{
    [Theory]
    [InlineData(2026, 1, 1, false, "1/1/2026 (âm lịch)", "2026-01-01")]
    [InlineData(2020, 4, 15, true, "15/4 nhuận/2020 (âm lịch)", "2020-04L-15")]
    [InlineData(2023, 3, 10, false, "10/3/2023 (âm lịch)", "2023-03-10")]
    public void Formats_the_Vietnamese_way_and_for_machines(int year, int month, int day, bool leap, string text, string iso)
    {
        var date = new LunarDate(year, month, day, leap);
        Assert.Equal(text, date.ToString());
        Assert.Equal(iso, date.ToIsoLikeString());
    }

    [Fact]
    public void A_leap_month_comes_after_the_ordinary_month_of_the_same_number()
    {
        var ordinary = new LunarDate(2023, 2, 29);
        var leap = new LunarDate(2023, 2, 1, true);
        var next = new LunarDate(2023, 3, 1);
        Assert.True(ordinary < leap);
        Assert.True(leap < next);
        Assert.True(VietnameseLunarCalendar.ToGregorian(ordinary) < VietnameseLunarCalendar.ToGregorian(leap));
        Assert.Equal(0, leap.CompareTo((object)leap));
        Assert.Equal(1, leap.CompareTo(null));
        Assert.Throws<ArgumentException>(() => leap.CompareTo("2023-02L-01"));
        var sorted = new[] { next, leap, ordinary }.Order().ToArray();
        Assert.Equal([ordinary, leap, next], sorted);
    }

    [Theory]
    [InlineData(2026, "Bính Ngọ")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2020, "Canh Tý")]
    [InlineData(1968, "Mậu Thân")]
    [InlineData(1945, "Ất Dậu")]
    [InlineData(1900, "Canh Tý")]
    [InlineData(1984, "Giáp Tý")]
    [InlineData(4, "Giáp Tý")]
    [InlineData(3, "Quý Hợi")]
    [InlineData(-56, "Giáp Tý")]
    public void Can_Chi_names_of_years(int year, string name)
    {
        Assert.Equal(name.Normalize(System.Text.NormalizationForm.FormC), VietnameseLunarCalendar.CanChiYear(year));
        Assert.True(VietnameseLunarCalendar.CanChiYear(year).IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void The_range_is_lunar_1900_to_2199()
    {
        Assert.Equal(1900, VietnameseLunarCalendar.MinYear);
        Assert.Equal(2199, VietnameseLunarCalendar.MaxYear);
        Assert.Equal(new LocalDate(1900, 1, 31), VietnameseLunarCalendar.MinDate);
        // Tết 2200, as computed by the same rules (no published table goes that far): the range ends the day before.
        Assert.Equal(new LocalDate(2200, 2, 15), VietnameseLunarCalendar.MaxDate.PlusDays(1));
    }

    [Fact]
    public void Dates_in_other_calendar_systems_are_converted_by_their_day()
    {
        var iso = new LocalDate(2026, 2, 17);
        LocalDate julian = iso.WithCalendar(CalendarSystem.Julian);
        Assert.Equal(VietnameseLunarCalendar.FromGregorian(iso), VietnameseLunarCalendar.FromGregorian(julian));
    }
}
