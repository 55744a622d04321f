using ClosedXML.Excel;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh excel template --history</c> and <c>ktxh excel import --history [--engine streaming|closedxml]</c> end to
/// end: a history workbook of two wards × 2020–2024 for the built-in form CTK.01 (two indicators), filled as an official
/// would, read back by both engines into the same values CSV; a mistake refused at its cell by both engines alike; bad
/// arguments refused in Vietnamese and English with nothing written.
/// </summary>
/// <remarks>Layout (docs/excel.md): a block of the form's rows per unit from row 6 (00004: rows 6–7, 00008: rows 8–9),
/// the periods from column F (2020) to J (2024).</remarks>
[Collection("Console")]
public sealed class ExcelHistoryCommandTests : IDisposable
{
    private const string Header = "indicator,unit,period,value,maturity";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Template(string name = "lich-su.xlsx")
    {
        string path = temp.File(name);
        string stdout = CliAssert.Succeeded(CliRunner.Run("excel", "template", "--history", "--form", "CTK.01", "--units", "00004,00008", "--from", "2020", "--to", "2024", "--out", path));
        Assert.Contains("2 đơn vị / units", stdout, StringComparison.Ordinal);
        Assert.Contains("5 kỳ / periods (2020…2024)", stdout, StringComparison.Ordinal);
        return path;
    }

    private static void Fill(string path, Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook(path);
        fill(workbook.Worksheet("Lịch sử"));
        workbook.Save();
    }

    private static void FillCorrectly(IXLWorksheet s)
    {
        s.Cell("F6").SetValue(15230.5m);   // 00004, HNM.CTK.01.001, 2020
        s.Cell("J6").SetValue("15.300,25"); // 2024, typed as text in Vietnamese style
        s.Cell("G7").SetValue(0m);          // a zero is a value
        s.Cell("H8").SetValue(9876m);       // 00008, HNM.CTK.01.001, 2022
    }

    private static readonly string[] Expected =
    [
        Header,
        "HNM.CTK.01.001,00004,2020,15230.5,official",
        "HNM.CTK.01.001,00004,2024,15300.25,official",
        "HNM.CTK.01.002,00004,2021,0,official",
        "HNM.CTK.01.001,00008,2022,9876,official",
    ];

    [Fact]
    public void The_template_has_a_block_per_unit_with_names_as_in_force_at_the_last_period_and_a_column_per_year()
    {
        string path = Template();
        using var workbook = new XLWorkbook(path);
        IXLWorksheet sheet = workbook.Worksheet("Lịch sử");
        Assert.Equal("00004", sheet.Cell("A6").GetString());
        Assert.Equal("Phường Trúc Bạch", sheet.Cell("B6").GetString()); // 00004 as at the end of 2024, before the 2025 reform
        Assert.Equal("HNM.CTK.01.001", sheet.Cell("C6").GetString());
        Assert.Equal("00008", sheet.Cell("A8").GetString());
        Assert.Equal(["2020", "2021", "2022", "2023", "2024"], Enumerable.Range(6, 5).Select(c => sheet.Cell(5, c).GetString()));
        Assert.True(sheet.Cell("F6").IsEmpty());
    }

    [Fact]
    public void Unit_names_follow_the_periods_across_the_2025_reform()
    {
        string path = temp.File("2026.xlsx");
        CliAssert.Succeeded(CliRunner.Run("excel", "template", "--history", "--form", "CTK.01", "--units", "00004", "--from", "2026", "--out", path));
        using var workbook = new XLWorkbook(path);
        Assert.Equal("Phường Ba Đình", workbook.Worksheet("Lịch sử").Cell("B6").GetString());
    }

    [Theory]
    [InlineData("streaming")]
    [InlineData("closedxml")]
    [InlineData("ClosedXML")]
    public void A_filled_history_workbook_becomes_the_values_csv_with_either_engine(string engine)
    {
        string workbook = Template();
        Fill(workbook, FillCorrectly);
        string values = temp.File("values.csv");

        string stdout = CliAssert.Succeeded(CliRunner.Run("excel", "import", "--history", "--file", workbook, "--engine", engine,
            "--form", "CTK.01", "--unit", "00004,00008", "--period", "2020", "--to", "2024", "--out", values));

        Assert.Equal(Expected, File.ReadAllLines(values));
        Assert.Contains("CTK.01, 2 đơn vị / units, 2020,2021,2022,2023,2024", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_engines_write_the_same_bytes_and_print_the_same_lines()
    {
        string workbook = Template();
        Fill(workbook, FillCorrectly);
        string streaming = temp.File("streaming.csv"), closedXml = temp.File("closedxml.csv");

        CliResult a = CliRunner.Run("excel", "import", "--history", "--file", workbook, "--engine", "streaming", "--out", streaming);
        CliResult b = CliRunner.Run("excel", "import", "--history", "--file", workbook, "--engine", "closedxml", "--out", closedXml);

        CliAssert.Succeeded(a);
        CliAssert.Succeeded(b);
        Assert.Equal(File.ReadAllBytes(streaming), File.ReadAllBytes(closedXml));
        Assert.Equal(a.Stdout.Replace("streaming.csv", "X", StringComparison.Ordinal), b.Stdout.Replace("closedxml.csv", "X", StringComparison.Ordinal));
    }

    [Fact]
    public void The_streaming_engine_is_the_default()
    {
        string workbook = Template();
        Fill(workbook, FillCorrectly);
        string values = temp.File("values.csv");

        CliAssert.Succeeded(CliRunner.Run("excel", "import", "--history", "--file", workbook, "--out", values));

        Assert.Equal(Expected, File.ReadAllLines(values));
    }

    [Fact]
    public void Mistakes_are_refused_at_their_cells_by_both_engines_alike_and_nothing_is_written()
    {
        string workbook = Template();
        Fill(workbook, s =>
        {
            FillCorrectly(s);
            s.Cell("G6").SetValue("khoảng 15 nghìn");
            s.Cell("I8").SetValue(-3m); // a population cannot be negative
        });
        string values = temp.File("values.csv");

        CliResult streaming = CliRunner.Run("excel", "import", "--history", "--file", workbook, "--engine", "streaming", "--out", values);
        CliResult closedXml = CliRunner.Run("excel", "import", "--history", "--file", workbook, "--engine", "closedxml", "--out", values);

        Assert.Equal(2, streaming.ExitCode);
        Assert.Contains("'Lịch sử'!G6: [NotANumber]", streaming.Stderr, StringComparison.Ordinal);
        Assert.Contains("'Lịch sử'!I8: [NegativeValue]", streaming.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 lỗi, không nhận số liệu nào / 2 errors, no value accepted", streaming.Stderr, StringComparison.Ordinal);
        Assert.Equal(streaming.ExitCode, closedXml.ExitCode);
        Assert.Equal(streaming.Stderr, closedXml.Stderr);
        Assert.False(File.Exists(values));
    }

    [Fact]
    public void A_unit_not_assigned_is_refused_at_its_row()
    {
        string workbook = Template();
        Fill(workbook, FillCorrectly);

        CliResult import = CliRunner.Run("excel", "import", "--history", "--file", workbook, "--unit", "00004");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("[UnknownUnit]", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("'Lịch sử'!A8", import.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("sax")]
    [InlineData("closed-xml")]
    public void An_unknown_engine_exits_2_with_a_bilingual_message(string engine)
    {
        string workbook = Template();
        string values = temp.File("values.csv");

        CliAssert.RejectedBilingually(CliRunner.Run("excel", "import", "--history", "--file", workbook, "--engine", engine, "--out", values), 2,
            $"--engine: '{engine}' phải là streaming hoặc closedxml", "must be streaming or closedxml");
        Assert.False(File.Exists(values));
    }

    [Fact]
    public void An_unknown_engine_is_refused_for_a_form_workbook_too()
    {
        string workbook = Template();
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "import", "--file", workbook, "--engine", "xml"), 2,
            "phải là streaming hoặc closedxml", "must be streaming or closedxml");
    }

    [Fact]
    public void Unknown_and_repeated_units_are_refused_and_nothing_is_written()
    {
        string path = temp.File("lich-su.xlsx");

        CliAssert.RejectedBilingually(
            CliRunner.Run("excel", "template", "--history", "--form", "CTK.01", "--units", "00004,00004,ZZ999", "--from", "2020", "--to", "2024", "--out", path), 2,
            "mã đơn vị '00004' lặp lại", "no unit 'ZZ999' in the directory of units");
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("2024", "2020", "--to: kỳ '2020' không hợp lệ")]
    [InlineData("2020", "2024-M03", "--to: kỳ '2024-M03' không hợp lệ")]
    [InlineData("năm 2020", "2024", "--period: kỳ 'năm 2020' không hợp lệ")]
    public void A_bad_period_range_is_refused(string from, string to, string vi)
    {
        string path = temp.File("lich-su.xlsx");

        CliResult result = CliRunner.Run("excel", "template", "--history", "--form", "CTK.01", "--units", "00004", "--from", from, "--to", to, "--out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(vi, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Unit_name_and_deadline_do_not_apply_to_a_history_workbook()
    {
        string path = temp.File("lich-su.xlsx");
        CliAssert.RejectedBilingually(
            CliRunner.Run("excel", "template", "--history", "--form", "CTK.01", "--units", "00004", "--unit-name", "Ba Đình", "--from", "2020", "--out", path), 2,
            "không dùng --unit-name", "do not apply");
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_single_year_history_workbook_round_trips()
    {
        string path = temp.File("mot-nam.xlsx");
        CliAssert.Succeeded(CliRunner.Run("excel", "template", "--history", "--form", "CTK.01", "--units", "00004", "--from", "2024", "--out", path));
        Fill(path, s => s.Cell("F7").SetValue(1.25m));
        string values = temp.File("values.csv");

        CliAssert.Succeeded(CliRunner.Run("excel", "import", "--history", "--file", path, "--out", values));

        Assert.Equal([Header, "HNM.CTK.01.002,00004,2024,1.25,official"], File.ReadAllLines(values));
    }
}
