using System.Text;
using System.Text.RegularExpressions;

namespace Ktxh.Excel.Tests;

/// <summary>
/// Issue 8 §4: what an import says about a damaged or hostile file is in our own words, in Vietnamese and English, and
/// never the text of a .NET exception (English only, about the library's internals, sometimes a machine path). Each case
/// goes through both read engines, which must say the same thing.
/// </summary>
public class ErrorWordingTests
{
    private static readonly byte[] Template = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request);
    private static readonly byte[] Valid = WorkbookFiller.Fill(Template, WorkbookFiller.Valid);

    /// <summary>Every message the file checks may give for these cases, whole.</summary>
    private static readonly Regex[] OurWording =
    [
        new("^Không phải tệp Excel \\(\\.xlsx\\): (tệp không phải gói zip \\(\\.xlsx\\)|gói zip hỏng \\(mục lục hoặc dữ liệu nén không đọc được\\)|gói zip không có phần sổ tính Excel \\(xl/workbook\\.xml\\)) / "
            + "Not an Excel file \\(\\.xlsx\\): (the file is not a zip package \\(\\.xlsx\\)|the zip package is damaged \\(its directory or compressed data cannot be read\\)|the zip package has no Excel workbook part \\(xl/workbook\\.xml\\))$"),
        new("^Phần '[^']+' không phải XML hợp lệ hoặc khai báo DTD/thực thể \\(bị từ chối\\)( \\(dòng \\d+, cột \\d+ của phần\\))? / "
            + "Part '[^']+' is not valid XML or declares a DTD/entities \\(refused\\)( \\(line \\d+, column \\d+ of the part\\))?$"),
        new("^Tệp Excel bị hỏng, không đọc được \\(cấu trúc sổ tính hoặc trang tính không hợp lệ\\); hãy mở và lưu lại bằng Excel rồi thử lại / "
            + "The Excel file is damaged and cannot be read \\(its workbook or sheet structure is not valid\\); open and save it again in Excel, then retry$"),
    ];

    public static TheoryData<string> Cases => new()
    {
        "truncated zip", "zip with a damaged entry", "zip without workbook", "DTD in the workbook part", "entity expansion in shared strings",
        "sheet cut in half", "sheet not XML", "workbook part not XML", "shared strings cut in half", "sheet part removed",
    };

    private static byte[] Damage(string kind) => kind switch
    {
        "truncated zip" => Valid[..(Valid.Length * 2 / 3)],
        "zip with a damaged entry" => FlipInsideFirstEntry(Valid),
        "zip without workbook" => Xlsx.Pack([KeyValuePair.Create("readme.txt", "xin chào"u8.ToArray())]),
        "DTD in the workbook part" => Xlsx.EditPart(Valid, Xlsx.WorkbookPart, x => "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + x[(x.IndexOf("?>", StringComparison.Ordinal) + 2)..]),
        "entity expansion in shared strings" => Xlsx.EditPart(Valid, Xlsx.SharedStringsPart, _ => "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>"),
        "sheet cut in half" => Xlsx.EditPart(Valid, Xlsx.FormSheetPart, x => x[..(x.Length / 2)]),
        "sheet not XML" => Xlsx.EditPart(Valid, Xlsx.FormSheetPart, _ => "Mã chỉ tiêu;Giá trị\nTHU_NS;1234,5"),
        "workbook part not XML" => Xlsx.EditPart(Valid, Xlsx.WorkbookPart, x => x.Insert(x.LastIndexOf("</", StringComparison.Ordinal), "<<")),
        "shared strings cut in half" => Xlsx.EditPart(Valid, Xlsx.SharedStringsPart, x => x[..(x.Length / 2)]),
        _ => Xlsx.RemovePart(Valid, Xlsx.FormSheetPart),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_damaged_file_is_described_in_our_words_by_both_engines_alike(string kind)
    {
        byte[] file = Damage(kind);
        var said = new List<string>();
        foreach (WorkbookReadEngine engine in new[] { WorkbookReadEngine.Streaming, WorkbookReadEngine.ClosedXml })
        {
            KtxhResult<FormImport> result = new FormWorkbookImporter(TestCatalogue.Catalogue, new KtxhExcelOptions { ReadEngine = engine }).Import(file);
            Assert.False(result.Success, $"{kind} ({engine}) was accepted");
            foreach (KtxhError error in result.Errors.Where(e => e.Is(ExcelErrorCode.NotAWorkbook) || e.Is(ExcelErrorCode.UnsafeOrInvalidXml) || e.Is(ExcelErrorCode.CorruptWorkbook)))
            {
                Assert.True(OurWording.Any(w => w.IsMatch(error.Message)), $"{kind} ({engine}): not our wording: {error.Message}");
            }

            said.Add(string.Join("\n", result.Errors.Select(e => e.ToString())));
        }

        Assert.Equal(said[0], said[1]);
    }

    [Fact]
    public void A_DTD_names_its_part()
    {
        KtxhError error = Assert.Single(new FormWorkbookImporter(TestCatalogue.Catalogue).Import(Damage("DTD in the workbook part")).Errors);

        Assert.True(error.Is(ExcelErrorCode.UnsafeOrInvalidXml), error.ToString());
        Assert.StartsWith("Part 'xl/workbook.xml' is not valid XML or declares a DTD/entities (refused)", error.MessageEn, StringComparison.Ordinal);
        Assert.StartsWith("Phần 'xl/workbook.xml' không phải XML hợp lệ hoặc khai báo DTD/thực thể (bị từ chối)", error.MessageVi, StringComparison.Ordinal);
    }

    /// <summary>Flips bytes in the middle of the first entry's compressed data, leaving the zip directory intact.</summary>
    private static byte[] FlipInsideFirstEntry(byte[] package)
    {
        byte[] copy = (byte[])package.Clone();
        int nameLength = BitConverter.ToUInt16(copy, 26), extraLength = BitConverter.ToUInt16(copy, 28);
        int start = 30 + nameLength + extraLength;
        int size = BitConverter.ToInt32(copy, 18);
        for (int i = start + (size / 3); i < start + (size / 3) + Math.Min(16, size / 3); i++)
        {
            copy[i] ^= 0x5A;
        }

        Assert.NotEqual(Encoding.ASCII.GetString(package, 30, nameLength), string.Empty);
        return copy;
    }
}
