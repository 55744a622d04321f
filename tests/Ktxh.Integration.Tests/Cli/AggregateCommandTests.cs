namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh aggregate</c> and <c>ktxh validate</c> on small value files written here, with the totals computed by hand.
/// HNM.CTK.09.002 (retail sales of goods) is an amount in triệu đồng, reported monthly; 00004 Phường Ba Đình and 00008
/// Phường Ngọc Hà are communes of 01 Hà Nội since 1/7/2025, which has 126 communes.
/// </summary>
[Collection("Console")]
public sealed class AggregateCommandTests : IDisposable
{
    private const string Retail = "HNM.CTK.09.002";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("00004", "2026-M01", "100.5", "1", "1")]
    [InlineData("00008", "2026-M03", "220.125", "1", "1")]
    [InlineData("01", "2026-M01", "300.75", "2", "126")] // 100.5 + 200.25
    [InlineData("01", "2026-M02", "320", "2", "126")] // 110 + 210
    [InlineData("01", "2026-M03", "340.125", "2", "126")] // 120 + 220.125
    [InlineData("01", "2026-Q1", "960.875", "2", "126")] // 300.75 + 320 + 340.125
    [InlineData("01", "2026-YTD-M02", "620.75", "2", "126")] // 300.75 + 320
    [InlineData("01", "2026-YTD-M03", "960.875", "2", "126")]
    [InlineData("VN", "2026-Q1", "960.875", "2", "3321")] // Only Hà Nội reported.
    public void The_totals_are_the_hand_sums(string unit, string period, string value, string reported, string expected)
    {
        Dictionary<(string Unit, string Period), string[]> rows = AggregateThreeMonths();
        string[] row = rows[(unit, period)];
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reported, row[4]);
        Assert.Equal(expected, row[5]);
        Assert.Equal("official", row[6]);
        Assert.Equal(unit.Length == 5 ? string.Empty : "PartialCoverage", row[7]);
    }

    [Fact]
    public void Provinces_without_data_are_listed_as_gaps()
    {
        Dictionary<(string Unit, string Period), string[]> rows = AggregateThreeMonths();
        string[][] provinces = rows.Where(r => r.Key.Unit.Length == 2 && r.Key.Unit != "VN" && r.Key.Period == "2026-M01").Select(r => r.Value).ToArray();
        Assert.Equal(34, provinces.Length);
        string[] gap = provinces.Single(r => r[1] == "37"); // Ninh Bình
        Assert.Equal(string.Empty, gap[3]);
        Assert.Equal("0", gap[4]);
        Assert.Equal("NoData", gap[7]);
    }

    [Fact]
    public void Converted_and_revised_values_are_used_exactly()
    {
        string values = temp.Write("values.csv",
            "indicator,unit,period,value,maturity,unit_of_measure",
            $"{Retail},00004,2026-M01,999,estimate,",
            $"{Retail},00004,2026-M01,100.5,official,", // the official revision replaces the estimate
            $"{Retail},00008,2026-M01,0.20025,,VND_BN"); // 0.20025 tỷ đồng = 200.25 triệu đồng
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", temp.File("out.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Dictionary<(string Unit, string Period), string[]> rows = ReadOutput(temp.File("out.csv"));
        Assert.Equal(300.75m, decimal.Parse(rows[("01", "2026-M01")][3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(200.25m, decimal.Parse(rows[("00008", "2026-M01")][3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Converted", rows[("00008", "2026-M01")][7]);
    }

    [Fact]
    public void A_malformed_file_gives_located_errors_and_writes_nothing()
    {
        string values = temp.Write("bad.csv",
            "indicator,unit,period,value",
            $"{Retail},00004,2026-M01,100.5",
            $"{Retail},00008,2026-13,200.25",
            $"{Retail},00004,2026-M02,1x0");
        string output = temp.File("out.csv");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("bad.csv, dòng 3, cột 3, trường 'period' / bad.csv, line 3, column 3, field 'period': [InvalidPeriod] Kỳ '2026-13' không hợp lệ", result.Stderr);
        Assert.Contains("/ Period '2026-13' is not valid", result.Stderr);
        Assert.Contains("bad.csv, dòng 4, cột 4, trường 'value' / bad.csv, line 4, column 4, field 'value': [InvalidValue] Giá trị '1x0' không phải số", result.Stderr);
        Assert.Contains("/ Value '1x0' is not a number", result.Stderr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(temp.Path, "out.csv*"));
    }

    [Fact]
    public void A_malformed_file_leaves_an_earlier_output_untouched()
    {
        string output = temp.Write("out.csv", "earlier");
        string values = temp.Write("bad.csv", "indicator,unit,period", $"{Retail},00004,2026-M01");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("bad.csv, dòng 1, trường 'value' / bad.csv, line 1, field 'value': [MissingColumn]", result.Stderr);
        Assert.Equal("earlier\n", File.ReadAllText(output));
    }

    [Fact]
    public void Unusable_lines_are_reported_by_line_and_the_rest_is_aggregated()
    {
        string values = temp.Write("values.csv",
            "indicator,unit,period,value",
            $"{Retail},00004,2026-M01,100.5",
            "NOPE,00004,2026-M01,1",
            $"{Retail},99999,2026-M01,5");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", temp.File("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 giá trị vào / values in, 2 bị loại / rejected", result.Stdout);
        string[] errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("values.csv, dòng 3 / values.csv, line 3: ", errors[0]);
        Assert.Contains("NOPE 00004 2026-M01: Chỉ tiêu 'NOPE' không có trong danh mục / Indicator 'NOPE' is not in the catalogue", errors[0]);
        Assert.StartsWith("values.csv, dòng 4 / values.csv, line 4: ", errors[1]);
        Assert.Contains("Reporting unit '99999'", result.Stderr);
        Assert.Equal(100.5m, decimal.Parse(ReadOutput(temp.File("out.csv"))[("01", "2026-M01")][3], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Issue 10: the lines the reference check drops are left out of the file's inputs (which stay in columns);
    /// the output is that of the file without them, byte for byte, and a line the engine rejects after one dropped is
    /// still shown at its own line.</summary>
    [Fact]
    public void A_file_with_bad_lines_in_the_middle_writes_the_output_of_the_file_without_them()
    {
        string[] good =
        [
            $"{Retail},00004,2026-M01,100.5,official,",
            $"{Retail},00008,2026-M01,200.25,official,",
            $"{Retail},00004,2026-M02,110,official,",
            $"{Retail},00008,2026-M02,210,official,",
            $"{Retail},00004,2026-M03,120,official,",
        ];
        const string Header = "indicator,unit,period,value,maturity,unit_of_measure";
        string clean = temp.Write("clean.csv", [Header, .. good]);
        string bad = temp.Write("bad.csv", [Header, good[0], good[1], $"{Retail},99999,2026-M01,5,official,", good[2], "NOPE,00004,2026-M02,1,official,", good[3], $"{Retail},00008,2026-M03,3,official,XYZ", good[4]]);

        CliResult fromClean = CliRunner.Run("aggregate", "--values", clean, "--out", temp.File("clean-out.csv"));
        CliResult fromBad = CliRunner.Run("aggregate", "--values", bad, "--out", temp.File("bad-out.csv"));

        Assert.True(fromClean.ExitCode == 0, fromClean.ToString());
        Assert.True(fromBad.ExitCode == 0, fromBad.ToString());
        Assert.Equal(File.ReadAllBytes(temp.File("clean-out.csv")), File.ReadAllBytes(temp.File("bad-out.csv")));
        Assert.Contains("8 giá trị vào / values in, 3 bị loại / rejected", fromBad.Stdout);
        string[] errors = fromBad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors.Length);
        Assert.StartsWith("bad.csv, dòng 4 / bad.csv, line 4: ", errors[0]);
        Assert.Contains("Reporting unit '99999'", errors[0]);
        Assert.StartsWith("bad.csv, dòng 6 / bad.csv, line 6: NOPE 00004 2026-M02: ", errors[1]);
        Assert.StartsWith($"bad.csv, dòng 8 / bad.csv, line 8: {Retail} 00008 2026-M03: ", errors[2]);
        Assert.Contains("'XYZ'", errors[2]);
    }

    [Fact]
    public void An_unknown_indicator_line_does_not_move_the_default_as_of_date()
    {
        // Issue 9 §1: 00001 Phường Phúc Xá is an old commune (until 1/7/2025); a line of an unknown indicator dated 2026
        // must not move the hierarchy date past it, or the valid 2025 line would be rejected too.
        string values = temp.Write("values.csv",
            "indicator,unit,period,value",
            $"{Retail},00001,2025-M03,7.25",
            "NOPE,00004,2026-M01,1");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", temp.File("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 giá trị vào / values in, 1 bị loại / rejected", result.Stdout);
        Assert.Equal(7.25m, decimal.Parse(ReadOutput(temp.File("out.csv"))[("00001", "2025-M03")][3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_sum_beyond_decimal_is_flagged_with_a_message_never_a_crash()
    {
        // Issue 8 §2, issue 9 §3: two values of 79,228,162,514,264,337,593,543,950,335 at two communes of 01.
        string values = temp.Write("values.csv",
            "indicator,unit,period,value",
            $"{Retail},00004,2026-M01,79228162514264337593543950335",
            $"{Retail},00008,2026-M01,79228162514264337593543950335");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", temp.File("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.Contains("overflow the decimal range", result.Stderr);
        Dictionary<(string Unit, string Period), string[]> rows = ReadOutput(temp.File("out.csv"));
        Assert.Equal(string.Empty, rows[("01", "2026-M01")][3]);
        Assert.Contains("Overflow", rows[("01", "2026-M01")][7]);
        Assert.Equal("79228162514264337593543950335", rows[("00004", "2026-M01")][3]);
    }

    [Fact]
    public void A_missing_values_file_is_reported_bilingually()
    {
        CliAssert.RejectedBilingually(CliRunner.Run("aggregate", "--values", temp.File("none.csv"), "--out", temp.File("out.csv")), 2, "--values: không tìm thấy tệp", "not found");
        Assert.False(File.Exists(temp.File("out.csv")));
    }

    [Fact]
    public void Validate_finds_an_of_which_row_above_its_parent()
    {
        // Of-which rows are parts of their parent and must not exceed it (DOMAIN.md, aggregation practice).
        string values = temp.Write("values.csv",
            "indicator,unit,period,value",
            "HNM.STC.01.001,01,2026-M01,32.6",
            "HNM.STC.01.002,01,2026-M01,35.6");
        CliResult result = CliRunner.Run("validate", "--values", values);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[Error] OF_WHICH 01 2026-M01:", result.Stdout);
        Assert.Contains("Of-which row HNM.STC.01.002 (35.6) exceeds its parent HNM.STC.01.001 (32.6)", result.Stdout);
        Assert.Contains("2 giá trị / values: 1 lỗi / errors", result.Stdout);
    }

    [Fact]
    public void Validate_passes_consistent_values()
    {
        string values = temp.Write("values.csv",
            "indicator,unit,period,value",
            "HNM.STC.01.001,01,2026-M01,35.6",
            "HNM.STC.01.002,01,2026-M01,32.6");
        CliResult result = CliRunner.Run("validate", "--values", values);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 giá trị / values: 0 lỗi / errors", result.Stdout);
    }

    private Dictionary<(string Unit, string Period), string[]> AggregateThreeMonths()
    {
        string values = temp.Write("values.csv",
            "indicator,unit,period,value",
            $"{Retail},00004,2026-M01,100.5",
            $"{Retail},00008,2026-M01,200.25",
            $"{Retail},00004,2026-M02,110",
            $"{Retail},00008,2026-M02,210",
            $"{Retail},00004,2026-M03,120",
            $"{Retail},00008,2026-M03,220.125");
        string output = temp.File("out.csv");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("6 giá trị vào / values in, 0 bị loại / rejected", result.Stdout);
        return ReadOutput(output);
    }

    private static Dictionary<(string Unit, string Period), string[]> ReadOutput(string path)
    {
        string[] lines = File.ReadAllLines(path);
        Assert.Equal("indicator,unit,period,value,reported_units,expected_units,maturity,flags", lines[0]);
        return lines.Skip(1)
            .Select(l => l.Split(','))
            .Where(r => r[0] == Retail)
            .ToDictionary(r => (r[1], r[2]), r => r);
    }
}
