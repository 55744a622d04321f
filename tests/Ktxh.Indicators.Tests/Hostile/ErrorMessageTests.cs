using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

/// <summary>Every error type of the SDK has a bilingual <c>Message</c> (as <see cref="KtxhError.Message"/> has).</summary>
public sealed class ErrorMessageTests
{
    [Fact]
    public void Catalogue_error_message_is_Vietnamese_then_English()
    {
        KtxhError error = IndicatorCatalogueJson.Read("{}").Errors[0];
        Assert.Equal(error.MessageVi + " / " + error.MessageEn, error.Message);
        Assert.Equal($"{error.Location}: [{error.Code}] {error.Message}", error.ToString());
    }

    [Fact]
    public void Reporting_units_error_message_is_Vietnamese_then_English()
    {
        KtxhError error = ReportingUnitDirectory.ReadCompact(new StringReader("Z\tnot a line")).Errors[0];
        Assert.Equal(error.MessageVi + " / " + error.MessageEn, error.Message);
        Assert.Equal(1, error.Location.Line);
        Assert.Equal($"{error.Location}: [{error.Code}] {error.Message}", error.ToString());
    }
}

/// <summary>Unit JSON errors from the unit and dimension constructors keep one language per message.</summary>
public sealed class UnitJsonErrorLanguageTests
{
    [Theory]
    [InlineData("""{ "baseDimensions": [ { "code": "apple", "nameVi": "táo", "nameEn": "apples", "kind": "Count", "baseUnitVi": "quả" } ] }""")]
    [InlineData("""{ "units": [ { "code": "X", "nameVi": "X", "nameEn": "x", "dimension": "MASS", "scale": "0" } ] }""")]
    public void Constructor_errors_are_split_into_Vietnamese_and_English(string json)
    {
        KtxhResult<MeasureUnitRegistry> result = MeasureUnitRegistry.CreateBuilder().AddJson(json, "t.json").BuildResult();
        Assert.False(result.Success);
        KtxhError error = result.Errors[0];
        Assert.DoesNotContain(" / ", error.MessageVi, StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", error.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter '", error.MessageEn, StringComparison.Ordinal);
        Assert.NotEqual(error.MessageVi, error.MessageEn);
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        MeasureUnitRegistryBuilder builder = MeasureUnitRegistry.CreateBuilder();
        int before = builder.Units.Count;
        KtxhResult<MeasureUnitRegistry> result = builder.AddJson("""{ "units": [ { "code": "K_APPLE", "nameVi": "Nghìn quả", "nameEn": "k", "dimension": "MASS", "scale": "1", "scale": "1000" } ] }""").BuildResult();
        Assert.False(result.Success);
        Assert.Equal(before, builder.Units.Count);
    }
}
