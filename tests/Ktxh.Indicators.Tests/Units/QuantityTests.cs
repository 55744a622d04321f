using FsCheck.Xunit;

namespace Ktxh.Indicators.Tests.Units;

/// <summary>Quantities: an exact amount with its unit.</summary>
public sealed class QuantityTests
{
    private static MeasureUnit U(string text) => MeasureUnitRegistry.Default.Parse(text);

    [Fact]
    public void A_quantity_converts_adds_and_compares_across_units()
    {
        var q = new Quantity(1234.5m, U("Triệu đồng"));
        Quantity inBillions = q.ConvertTo(U("Tỷ đồng")).Value;
        Assert.Equal(new Quantity(1.2345m, U("Tỷ đồng")), inBillions);
        Assert.Equal("1.2345 Tỷ đồng", inBillions.ToString());
        Assert.True(inBillions.IsEquivalentTo(q));
        Assert.NotEqual(q, inBillions);
        Assert.False(new Quantity(1.2346m, U("Tỷ đồng")).IsEquivalentTo(q));
        Assert.False(new Quantity(1234.5m, U("Triệu USD")).IsEquivalentTo(q));

        Assert.Equal(new Quantity(1235.5m, U("Triệu đồng")), q.Add(new Quantity(0.001m, U("Tỷ đồng"))).Value);
    }

    [Fact]
    public void Adding_percentages_or_other_dimensions_is_refused()
    {
        var pct = new Quantity(5m, U("%"));
        Assert.False(pct.Add(new Quantity(3m, U("%"))).Success);
        KtxhResult<Quantity> r = new Quantity(1m, U("Tấn")).Add(new Quantity(1m, U("ha")));
        Assert.Equal(MeasureUnitErrorCode.IncompatibleDimensions.ToString(), r.Errors[0].Code);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void A_converted_quantity_is_equivalent_to_the_original(UnitPowerOfTenPair pair, UnitBoundedDecimal value)
    {
        var q = new Quantity(value.Value, pair.From);
        Quantity c = q.ConvertTo(pair.To).Value;
        Assert.True(c.IsEquivalentTo(q));
        Assert.True(q.IsEquivalentTo(c));
    }
}
