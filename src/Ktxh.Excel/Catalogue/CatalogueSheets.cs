using Ktxh.Periods;
using Ktxh.Indicators.Forms;

namespace Ktxh.Excel;

/// <summary>What a column of the catalogue workbook holds, which decides how it is written, validated and read back.</summary>
internal enum CatalogueCellKind
{
    /// <summary>Free text (names, notes, formulas, deadline rules); written as text, never as a formula.</summary>
    Text,

    /// <summary>A code: text with the cell formatted as text, so codes typed later keep their leading zeros.</summary>
    Code,

    /// <summary>A whole number (precision, order, level).</summary>
    Integer,

    /// <summary>A decimal number (factor, tolerance).</summary>
    Decimal,

    /// <summary>Yes or no, written <c>Có</c> / <c>Không</c> with a drop-down list.</summary>
    Bool,

    /// <summary>A date, written <c>yyyy-MM-dd</c> as text; an Excel date typed by a person is read too.</summary>
    Date,

    /// <summary>One name of a fixed set (an enumeration as the catalogue JSON writes it), with a drop-down list.</summary>
    Choice,

    /// <summary>Several codes or names separated by <c>;</c>.</summary>
    List,

    /// <summary>Shown for the reader's information (derived from the catalogue); ignored on import.</summary>
    Info,
}

/// <summary>A column of a catalogue sheet: its JSON field, Vietnamese header, kind, width and allowed values.</summary>
/// <param name="Key">The catalogue JSON field it holds (<c>acrossUnits.method</c>), so that a validation error's JSON path finds its column.</param>
/// <param name="Header">The Vietnamese header (the import finds columns by it, ignoring case and diacritics).</param>
/// <param name="Kind">How the value is written and read.</param>
/// <param name="Width">The column width (explicit: <c>AdjustToContents</c> throws on Linux).</param>
/// <param name="Choices">The allowed values of a <see cref="CatalogueCellKind.Choice"/> (or of each item of a <see cref="CatalogueCellKind.List"/>), if fixed.</param>
internal sealed record CatalogueColumn(string Key, string Header, CatalogueCellKind Kind, double Width, IReadOnlyList<string>? Choices = null);

/// <summary>A sheet of the catalogue workbook: its name and columns (header in row 1, one item per row from row 2).</summary>
/// <param name="Name">The sheet name.</param>
/// <param name="Columns">The columns, in order.</param>
internal sealed record CatalogueSheet(string Name, IReadOnlyList<CatalogueColumn> Columns)
{
    public int IndexOf(string key)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// The layout of the catalogue workbook: one sheet per kind of thing the catalogue JSON holds (schema version 1,
/// <c>docs/catalogue-json.md</c>), each column named after its JSON field, so that the workbook and the JSON file say
/// the same thing and a validation error's JSON path maps onto a cell.
/// </summary>
internal static class CatalogueSheets
{
    /// <summary>The format marker written on the information sheet; an import without it is not a catalogue workbook.</summary>
    public const string FormatMarker = "ktxh-catalogue-workbook/1";

    public const string InfoSheet = "Thông tin";
    public const string UnitsSheet = "Đơn vị tính";
    public const string ListsSheet = "Danh sách";
    public const string FormatLabel = "Định dạng";
    public const string VersionLabel = "Phiên bản danh mục";
    public const string ToleranceLabel = "Sai số cộng thành phần";
    public const int InfoFirstRow = 3;

    /// <summary>The text of <c>true</c> and <c>false</c>.</summary>
    public const string Yes = "Có";
    public const string No = "Không";

    public static readonly string[] CutOffs = [CutoffConvention.Calendar.Name, CutoffConvention.Decree09.Name];

    private static string[] Names<T>()
        where T : struct, Enum => Enum.GetNames<T>();

    private static IEnumerable<CatalogueColumn> Rule(string key, string vi) =>
    [
        new($"{key}.method", $"{vi}: cách tổng hợp", CatalogueCellKind.Choice, 16, Names<AggregationMethod>()),
        new($"{key}.numerator", $"{vi}: tử số", CatalogueCellKind.Code, 14),
        new($"{key}.denominator", $"{vi}: mẫu số", CatalogueCellKind.Code, 14),
        new($"{key}.factor", $"{vi}: hệ số", CatalogueCellKind.Decimal, 10),
        new($"{key}.weight", $"{vi}: quyền số", CatalogueCellKind.Code, 14),
        new($"{key}.formula", $"{vi}: công thức", CatalogueCellKind.Text, 24),
    ];

    public static readonly CatalogueSheet Indicators = new("Chỉ tiêu",
    [
        new("code", "Mã chỉ tiêu", CatalogueCellKind.Code, 18),
        new("nameVi", "Tên chỉ tiêu", CatalogueCellKind.Text, 50),
        new("nameEn", "Tên tiếng Anh", CatalogueCellKind.Text, 36),
        new("unit", "Đơn vị tính (mã)", CatalogueCellKind.Code, 14),
        new("periods", "Kỳ báo cáo", CatalogueCellKind.List, 18, Names<PeriodType>()),
        new("valueKind", "Loại giá trị", CatalogueCellKind.Choice, 13, Names<ValueKind>()),
        new("precision", "Số chữ số thập phân", CatalogueCellKind.Integer, 10),
        new("agency", "Cơ quan chủ trì (mã)", CatalogueCellKind.Code, 13),
        new("parent", "Chỉ tiêu cha (mã)", CatalogueCellKind.Code, 18),
        new("relation", "Quan hệ với chỉ tiêu cha", CatalogueCellKind.Choice, 13, Names<IndicatorRelationKind>()),
        new("order", "Thứ tự", CatalogueCellKind.Integer, 8),
        .. Rule("acrossUnits", "Giữa các đơn vị"),
        .. Rule("acrossTime", "Theo thời gian"),
        new("disaggregations", "Phân tổ (mã)", CatalogueCellKind.List, 16),
        new("priceBasis", "Loại giá", CatalogueCellKind.Choice, 14, Names<PriceBasis>()),
        new("confidentiality", "Mức chia sẻ", CatalogueCellKind.Choice, 13, Names<Confidentiality>()),
        new("embargoed", "Chờ công bố", CatalogueCellKind.Bool, 10),
        new("validFrom", "Hiệu lực từ ngày", CatalogueCellKind.Date, 12),
        new("validTo", "Hiệu lực đến ngày", CatalogueCellKind.Date, 12),
        new("note", "Ghi chú", CatalogueCellKind.Text, 40),
        new("bounds", "Giới hạn khi nhập (tham khảo)", CatalogueCellKind.Info, 22),
        new("forms", "Có trong biểu (tham khảo)", CatalogueCellKind.Info, 24),
    ]);

    public static readonly CatalogueSheet Agencies = new("Cơ quan",
    [
        new("code", "Mã cơ quan", CatalogueCellKind.Code, 14),
        new("nameVi", "Tên cơ quan", CatalogueCellKind.Text, 50),
        new("nameEn", "Tên tiếng Anh", CatalogueCellKind.Text, 40),
    ]);

    public static readonly CatalogueSheet Disaggregations = new("Phân tổ",
    [
        new("code", "Mã phân tổ", CatalogueCellKind.Code, 16),
        new("nameVi", "Tên phân tổ", CatalogueCellKind.Text, 36),
        new("nameEn", "Tên tiếng Anh", CatalogueCellKind.Text, 30),
    ]);

    public static readonly CatalogueSheet Categories = new("Nhóm phân tổ",
    [
        new("disaggregation", "Mã phân tổ", CatalogueCellKind.Code, 16),
        new("code", "Mã nhóm", CatalogueCellKind.Code, 16),
        new("nameVi", "Tên nhóm", CatalogueCellKind.Text, 36),
        new("nameEn", "Tên tiếng Anh", CatalogueCellKind.Text, 30),
    ]);

    public static readonly CatalogueSheet Forms = new("Biểu",
    [
        new("code", "Mã biểu", CatalogueCellKind.Code, 20),
        new("nameVi", "Tên biểu", CatalogueCellKind.Text, 50),
        new("nameEn", "Tên tiếng Anh", CatalogueCellKind.Text, 36),
        new("version", "Phiên bản", CatalogueCellKind.Code, 10),
        new("periodType", "Kỳ báo cáo", CatalogueCellKind.Choice, 13, Names<PeriodType>()),
        new("mixedPeriods", "Biểu hỗn hợp kỳ", CatalogueCellKind.Bool, 10),
        new("cutOff", "Quy ước chốt số liệu", CatalogueCellKind.Choice, 14, CutOffs),
        new("deadline", "Quy tắc hạn gửi", CatalogueCellKind.Text, 26),
        new("agency", "Cơ quan (mã)", CatalogueCellKind.Code, 12),
        new("filledBy", "Đơn vị lập", CatalogueCellKind.List, 20),
        new("receivedBy", "Đơn vị nhận", CatalogueCellKind.List, 20),
    ]);

    public static readonly CatalogueSheet FormRows = new("Dòng biểu",
    [
        new("form", "Mã biểu", CatalogueCellKind.Code, 20),
        new("indicator", "Mã chỉ tiêu", CatalogueCellKind.Code, 18),
        new("level", "Mức thụt lề", CatalogueCellKind.Integer, 10),
        new("ofWhich", "Dòng \"Trong đó\"", CatalogueCellKind.Bool, 10),
        new("required", "Bắt buộc nhập", CatalogueCellKind.Bool, 10),
        new("label", "Tên hiển thị trên biểu", CatalogueCellKind.Text, 50),
    ]);

    public static readonly CatalogueSheet FormColumns = new("Cột biểu",
    [
        new("form", "Mã biểu", CatalogueCellKind.Code, 20),
        new("kind", "Loại cột", CatalogueCellKind.Choice, 28, Names<FormColumnKind>()),
        new("mode", "Nhập hay tính", CatalogueCellKind.Choice, 12, Names<FormColumnMode>()),
        new("headerVi", "Tiêu đề cột", CatalogueCellKind.Text, 30),
        new("headerEn", "Tiêu đề tiếng Anh", CatalogueCellKind.Text, 30),
    ]);

    public static readonly CatalogueSheet FormSets = new("Hệ biểu",
    [
        new("code", "Mã hệ biểu", CatalogueCellKind.Code, 16),
        new("nameVi", "Tên hệ biểu", CatalogueCellKind.Text, 40),
        new("nameEn", "Tên tiếng Anh", CatalogueCellKind.Text, 30),
        new("unitKinds", "Loại đơn vị lập", CatalogueCellKind.List, 20),
        new("forms", "Các biểu (mã)", CatalogueCellKind.List, 40),
    ]);

    /// <summary>The data sheets, in workbook order.</summary>
    public static readonly CatalogueSheet[] All = [Indicators, Agencies, Disaggregations, Categories, Forms, FormRows, FormColumns, FormSets];

    /// <summary>Splits a list cell (<c>Month; Quarter</c>) into its trimmed, non-empty items.</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        text.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Joins list items for a cell.</summary>
    /// <exception cref="ArgumentException">An item contains the separator <c>;</c> or a line break, so it could not be read back.</exception>
    public static string JoinList(IEnumerable<string> items, string what)
    {
        var list = items.ToList();
        foreach (string item in list)
        {
            if (item.IndexOfAny([';', '\n', '\r']) >= 0)
            {
                throw new ArgumentException(
                    $"'{item}' ({what}) chứa dấu ';' hoặc xuống dòng, không ghi được vào danh sách của một ô / '{item}' ({what}) contains ';' or a line break and cannot be written in a cell's list",
                    nameof(items));
            }
        }

        return string.Join("; ", list);
    }
}
