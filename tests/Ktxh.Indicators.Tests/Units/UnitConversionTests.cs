using System.Globalization;

namespace Ktxh.Indicators.Tests.Units;

/// <summary>Exact conversion between units of one dimension, and the errors for everything else.</summary>
public sealed class UnitConversionTests
{
    private static MeasureUnit U(string text) => MeasureUnitRegistry.Default.Parse(text);

    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1234.5", "Triệu đồng", "Tỷ đồng", "1.2345")]
    [InlineData("1.2345", "Tỷ đồng", "Triệu đồng", "1234.5")]
    [InlineData("1", "Nghìn tỷ đồng", "Đồng", "1000000000000")]
    [InlineData("0.001", "Đồng", "Nghìn tỷ đồng", "0.000000000000001")]
    [InlineData("2500", "Tấn", "Nghìn tấn", "2.5")]
    [InlineData("3", "Tạ", "Kg", "300")]
    [InlineData("55.5", "Tạ/ha", "Tấn/ha", "5.55")]
    [InlineData("1", "Tạ/ha", "kg/người", null)]
    [InlineData("12.5", "Nghìn ha", "ha", "12500")]
    [InlineData("1", "ha", "m2", "10000")]
    [InlineData("1", "km2", "ha", "100")]
    [InlineData("1500", "Người/km2", "người/km2", "1500")]
    [InlineData("2.75", "Triệu lít", "m3", "2750")]
    [InlineData("1000", "lít", "m3", "1")]
    [InlineData("1", "1000 lít", "Lít", "1000")]
    [InlineData("12.5", "%", "‰", "125")]
    [InlineData("105", "nam/100 nữ", "%", "105")]
    [InlineData("2", "lần", "%", "200")]
    [InlineData("1", "MWh", "kWh", "1000")]
    [InlineData("7.2", "triệu kWh", "GWh", "7.2")]
    [InlineData("90", "phút", "giờ", "1.5")]
    [InlineData("1.5", "Nghìn HK.km", "HK.km", "1500")]
    [InlineData("3", "Nghìn tấn.km", "Tấn.km", "3000")]
    [InlineData("25.5", "giường/vạn dân", "giường/vạn dân", "25.5")]
    [InlineData("-4.2", "Tỷ đồng", "Triệu đồng", "-4200")]
    [InlineData("0", "Tỷ đồng", "Triệu đồng", "0")]
    public void Conversions_are_exact(string value, string from, string to, string? expected)
    {
        KtxhResult<decimal> r = U(from).ConvertTo(D(value), U(to));
        if (expected is null)
        {
            Assert.False(r.Success);
            return;
        }

        Assert.True(r.Success, r.ToString());
        Assert.Equal(D(expected), r.Value);
        Assert.Equal(r.Value, MeasureUnitConverter.Convert(D(value), from, to).Value);
        Assert.True(MeasureUnitConverter.TryConvert(D(value), U(from), U(to), out decimal t));
        Assert.Equal(r.Value, t);
    }

    [Fact]
    public void The_million_to_billion_example_keeps_every_digit()
    {
        decimal v = U("Triệu đồng").ConvertTo(1234.5m, U("Tỷ đồng")).Value;
        Assert.Equal("1.2345", v.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Tấn", "ha")]
    [InlineData("Tỷ đồng", "Triệu USD")]
    [InlineData("Hộ", "Người")]
    [InlineData("%", "Người")]
    [InlineData("hs/gv", "%")]
    [InlineData("trẻ", "người")]
    [InlineData("Tạ/ha", "Tấn")]
    [InlineData("m3", "m2")]
    [InlineData("Doanh nghiệp", "Cơ sở")]
    public void Different_dimensions_never_convert(string from, string to)
    {
        KtxhResult<decimal> r = U(from).ConvertTo(1m, U(to));
        Assert.False(r.Success);
        Assert.Equal(MeasureUnitErrorCode.IncompatibleDimensions.ToString(), r.Errors[0].Code);
        Assert.Contains("khác thứ nguyên", r.Errors[0].MessageVi, StringComparison.Ordinal);
        Assert.Contains("different dimensions", r.Errors[0].MessageEn, StringComparison.Ordinal);
        Assert.False(MeasureUnitConverter.CanConvert(U(from), U(to)));
        Assert.False(MeasureUnitConverter.TryConvert(1m, U(from), U(to), out _));
    }

    [Fact]
    public void A_non_terminating_result_is_refused_not_rounded()
    {
        KtxhResult<decimal> r = U("phút").ConvertTo(1m, U("giờ"));
        Assert.Equal(MeasureUnitErrorCode.InexactConversion.ToString(), r.Errors[0].Code);
        Assert.Equal(60m, U("giờ").ConvertTo(1m, U("phút")).Value);
    }

    [Fact]
    public void A_result_needing_more_than_28_decimal_places_is_refused()
    {
        KtxhResult<decimal> r = U("Đồng").ConvertTo(0.0000000000000000000000000001m, U("Tỷ đồng"));
        Assert.Equal(MeasureUnitErrorCode.PrecisionExceeded.ToString(), r.Errors[0].Code);
    }

    [Fact]
    public void A_result_beyond_the_decimal_range_is_refused()
    {
        KtxhResult<decimal> r = U("Tỷ đồng").ConvertTo(decimal.MaxValue, U("Đồng"));
        Assert.Equal(MeasureUnitErrorCode.Overflow.ToString(), r.Errors[0].Code);
        Assert.Equal(decimal.MaxValue, U("Tỷ đồng").ConvertTo(decimal.MaxValue, U("Tỷ đồng")).Value);
    }

    [Fact]
    public void Trailing_zeros_of_the_value_absorb_a_large_shift()
    {
        // 10^-20 tỷ đồng = 10^-11 đồng; 10^19 đồng (20 digits) = 10^10 tỷ.
        Assert.Equal(0.00000000001m, U("Tỷ đồng").ConvertTo(0.00000000000000000001m, U("Đồng")).Value);
        Assert.Equal(10000000000m, U("Đồng").ConvertTo(10000000000000000000m, U("Tỷ đồng")).Value);
    }

    [Fact]
    public void FactorTo_gives_the_exact_multiplier()
    {
        Assert.Equal(1000m, U("Tỷ đồng").FactorTo(U("Triệu đồng")).Value);
        Assert.Equal(0.1m, U("Tạ/ha").FactorTo(U("Tấn/ha")).Value);
    }

    [Fact]
    public void Sum_converts_every_value_to_the_target_unit_exactly()
    {
        KtxhResult<decimal> total = MeasureUnitConverter.Sum(
            new[] { (1.5m, U("Tỷ đồng")), (250m, U("Triệu đồng")), (1000000m, U("Đồng")) },
            U("Triệu đồng"));
        Assert.Equal(1751m, total.Value);
    }

    [Fact]
    public void Sum_refuses_percentages_and_other_dimensions_with_every_problem()
    {
        KtxhResult<decimal> total = MeasureUnitConverter.Sum(
            new[] { (1m, U("Tỷ đồng")), (5m, U("%")), (2m, U("Triệu USD")) },
            U("Tỷ đồng"));
        Assert.False(total.Success);
        Assert.Equal(2, total.Errors.Count);
        Assert.Equal(1, total.Errors[0].Location.Index);
        Assert.Equal(MeasureUnitErrorCode.IncompatibleDimensions.ToString(), total.Errors[1].Code);
        Assert.Equal(2, total.Errors[1].Location.Index);
    }

    [Fact]
    public void Sum_refuses_a_total_that_a_decimal_cannot_hold_exactly()
    {
        KtxhResult<decimal> total = MeasureUnitConverter.Sum(
            new[] { (100000000000000000000m, U("Đồng")), (0.000000001m, U("Đồng")) },
            U("Đồng"));
        Assert.Equal(MeasureUnitErrorCode.PrecisionExceeded.ToString(), total.Errors[0].Code);
    }

    [Fact]
    public void Convert_by_text_reports_unknown_units()
    {
        KtxhResult<decimal> r = MeasureUnitConverter.Convert(1m, "xyz", "Tỷ đồng");
        Assert.Equal(MeasureUnitErrorCode.UnknownUnit.ToString(), r.Errors[0].Code);
    }
}
