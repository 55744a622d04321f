namespace Ktxh.Excel.Tests;

public class FormWorkbookSmokeTests
{
    [Fact]
    public void Generated_workbook_imports_the_values_a_person_typed()
    {
        byte[] template = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request);
        byte[] filled = WorkbookFiller.Fill(template, WorkbookFiller.Valid);
        var result = new FormWorkbookImporter(TestCatalogue.Catalogue).Import(filled, TestCatalogue.Expected);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var values = result.Value.Values.ToDictionary(v => (v.IndicatorCode, v.Column));
        Assert.Equal(1234.5m, values[("THU_NS", Ktxh.Indicators.Forms.FormColumnKind.ThisPeriod)].Value);
        Assert.Equal(1100m, values[("THU_NS", Ktxh.Indicators.Forms.FormColumnKind.SamePeriodLastYear)].Value);
        Assert.Equal(12m, values[("DN_MOI", Ktxh.Indicators.Forms.FormColumnKind.ThisPeriod)].Value);
        Assert.Equal("Tình hình ổn định", values[("DANH_GIA", Ktxh.Indicators.Forms.FormColumnKind.ThisPeriod)].Text);
        Assert.Equal(7, result.Value.Values.Count);
    }
}
