using ClosedXML.Excel;

namespace Ktxh.Excel.Tests;

/// <summary>Fills a generated workbook the way a person would, through ClosedXML (typed values) or raw cell edits.</summary>
internal static class WorkbookFiller
{
    public static byte[] Fill(byte[] template, Action<IXLWorksheet> fill, string sheet = FormWorkbookRequest.DefaultSheetName)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        fill(workbook.Worksheet(sheet));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    public static byte[] Edit(byte[] template, Action<XLWorkbook> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        edit(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>The standard filling of the test form: every required value, valid.</summary>
    public static void Valid(IXLWorksheet s)
    {
        s.Cell("E9").SetValue(1234.5m);
        s.Cell("F9").SetValue(1100m);
        s.Cell("E10").SetValue(0.25m);
        s.Cell("E11").SetValue(12);
        s.Cell("E12").SetValue(15230);
        s.Cell("E13").SetValue(45.5m);
        s.Cell("E14").SetValue("Tình hình ổn định");
    }
}
