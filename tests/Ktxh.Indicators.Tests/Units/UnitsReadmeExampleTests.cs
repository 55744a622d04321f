using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests.Units;

/// <summary>The units-of-measure lines of the package README, each claim checked.</summary>
public class UnitsReadmeExampleTests
{
    [Fact]
    public void The_README_lines_hold()
    {
        MeasureUnitRegistry units = MeasureUnitRegistry.Default;
        MeasureUnit million = units.Resolve("Triệu đồng").Value;
        MeasureUnit billion = units.Parse("tỉ  đồng");

        Assert.Equal("VND_M", million.Code);
        Assert.Equal("VND_BN", billion.Code);
        Assert.Equal(1.2345m, million.ConvertTo(1234.5m, billion).Value);
        Assert.False(units.Parse("Tấn").ConvertTo(1m, units.Parse("ha")).Success);
        Assert.Equal("Không nhận ra đơn vị tính 'xyz' / Unknown unit of measure 'xyz'", units.Resolve("xyz").Errors[0].Message);
        Assert.Equal(5.55m, MeasureUnitConverter.Convert(55.5m, "Tạ/ha", "Tấn/ha").Value);
    }
}
