using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

/// <summary>Every error type of the SDK has a bilingual <c>Message</c> (as <see cref="UnitError.Message"/> has).</summary>
public sealed class ErrorMessageTests
{
    [Fact]
    public void Catalogue_error_message_is_Vietnamese_then_English()
    {
        CatalogueError error = IndicatorCatalogueJson.Read("{}").Errors[0];
        Assert.Equal(error.MessageVi + " / " + error.MessageEn, error.Message);
        Assert.Equal($"{error.Path}: [{error.Code}] {error.Message}", error.ToString());
    }

    [Fact]
    public void Reporting_units_error_message_is_Vietnamese_then_English()
    {
        ReportingUnitsError error = ReportingUnitDirectory.ReadCompact(new StringReader("Z\tnot a line")).Errors[0];
        Assert.Equal(error.MessageVi + " / " + error.MessageEn, error.Message);
        Assert.Equal($"{error.Where}: {error.Message}", error.ToString());
    }
}
