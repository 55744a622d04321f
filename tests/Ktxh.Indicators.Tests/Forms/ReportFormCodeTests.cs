using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests;

public class ReportFormCodeTests
{
    [Theory]
    [InlineData("001.T/BCC-XXXX", "001", FormPeriodKind.Month, "BCC-XXXX")]
    [InlineData("002.Q/BCC-NNPTNT", "002", FormPeriodKind.Quarter, "BCC-NNPTNT")]
    [InlineData("003.N/BCC-TCTK", "003", FormPeriodKind.Year, "BCC-TCTK")]
    [InlineData("004.2N/BCC-YT", "004", FormPeriodKind.TwoYears, "BCC-YT")]
    [InlineData("005.5N/BCC-KHĐT", "005", FormPeriodKind.FiveYears, "BCC-KHĐT")]
    [InlineData("006.V/BCC-NN", "006", FormPeriodKind.CropSeason, "BCC-NN")]
    [InlineData("007.H/BCC-GD", "007", FormPeriodKind.Mixed, "BCC-GD")]
    [InlineData("12.t/bcc-x", "12", FormPeriodKind.Month, "bcc-x")]
    public void Parses_the_period_letter(string text, string number, FormPeriodKind kind, string suffix)
    {
        ReportFormCode code = ReportFormCode.Parse(text);
        Assert.Equal(number, code.Number);
        Assert.Equal(kind, code.PeriodKind);
        Assert.Equal(suffix, code.Suffix);
    }

    [Theory]
    [InlineData("001.T/BCC-XXXX")]
    [InlineData("004.2N/BCC-YT")]
    [InlineData("007.H/BCC-GD")]
    public void Formats_back_to_the_same_text(string text) => Assert.Equal(text, ReportFormCode.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("001/BCC")]
    [InlineData("001.X/BCC")]
    [InlineData("001.T/")]
    [InlineData("001.3N/BCC")]
    [InlineData("ABC.T/BCC")]
    [InlineData("001.T/BCC X")]
    [InlineData("CTK.01")]
    public void Rejects_what_is_not_a_form_code(string text)
    {
        Assert.False(ReportFormCode.TryParse(text, out _));
        KtxhException e = Assert.Throws<KtxhException>(() => ReportFormCode.Parse(text));
        KtxhError error = Assert.Single(ReportFormCode.ParseWithResult(text).Errors);
        Assert.Equal(error, Assert.Single(e.Errors));
        Assert.True(error.Is(CatalogueErrorCode.InvalidField));
        Assert.Contains("không phải mã biểu", error.MessageVi);
        Assert.Contains("is not a form code", error.MessageEn);
    }

    [Fact]
    public void A_form_exposes_its_parsed_code_and_a_mixed_code_means_mixed_periods()
    {
        var mixed = new ReportForm { Code = "007.H/BCC-GD", NameVi = "Biểu hỗn hợp", PeriodType = PeriodType.Year };
        Assert.Equal(FormPeriodKind.Mixed, mixed.ParsedCode!.Value.PeriodKind);
        Assert.True(mixed.MixedPeriods);
        var free = new ReportForm { Code = "CTK.01", NameVi = "Dân số", PeriodType = PeriodType.Year };
        Assert.Null(free.ParsedCode);
        Assert.False(free.MixedPeriods);
    }
}
