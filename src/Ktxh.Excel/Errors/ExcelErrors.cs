namespace Ktxh.Excel;

/// <summary>Builds the package's bilingual errors in one place, so that messages stay consistent.</summary>
internal static class ExcelErrors
{
    public static KtxhError File(ExcelErrorCode code, string vi, string en) => KtxhError.Create(code, ErrorLocation.None, vi, en);

    public static KtxhError At(ExcelErrorCode code, string sheet, string cell, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtCell(sheet, cell), vi, en);

    public static KtxhError Sheet(ExcelErrorCode code, string sheet, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.None with { Sheet = sheet }, vi, en);
}
