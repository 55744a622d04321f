using System.Diagnostics;
using Ktxh.Cli;
using Ktxh.Cli.Files;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// Issue 8: every example of the issue, as a test. §1 nothing lost (one output helper: same file as an input, read-only
/// targets, permissions kept, atomic writes, missing folders); §2 numbers never guessed or misread; §3 validate sees
/// what aggregate sees; §4 never a stack trace (exit codes, stdout empty on error, our own bilingual words); §5 the
/// demo reads well.
/// </summary>
[Collection("Console")]
public sealed class FilesAndErrorsTests : IDisposable
{
    private const string Retail = "HNM.CTK.07.001";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Values() => temp.Write("s.csv", "indicator,unit,period,value", $"{Retail},00004,2026-M01,100.5", $"{Retail},00008,2026-M01,200.25");

    private static void Unchanged(string path, byte[] before) => Assert.Equal(before, File.ReadAllBytes(path));

    private void NoTemporaryFileLeft() =>
        Assert.DoesNotContain(Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));

    // ---- §1 Nothing lost ----

    [Fact]
    public void An_output_that_is_the_input_is_refused_before_anything_is_written()
    {
        string values = Values();
        byte[] before = File.ReadAllBytes(values);
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", values);
        CliAssert.RejectedBilingually(result, 2, "chính là tệp đầu vào --values", "is the same file as the input --values");
        Unchanged(values, before);
    }

    [Fact]
    public void An_output_that_is_the_input_by_another_spelling_or_a_symbolic_link_is_refused()
    {
        string values = Values();
        byte[] before = File.ReadAllBytes(values);
        Directory.CreateDirectory(temp.File("sub"));
        string link = temp.File("link.csv");
        File.CreateSymbolicLink(link, values);
        string dirLink = temp.File("dirlink");
        Directory.CreateSymbolicLink(dirLink, temp.Path);

        foreach (string output in new[] { temp.File("sub/../s.csv"), link, Path.Combine(dirLink, "s.csv") })
        {
            CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", output);
            CliAssert.RejectedBilingually(result, 2, "chính là tệp đầu vào", "same file as the input");
        }

        Unchanged(values, before);
        Assert.True(File.ResolveLinkTarget(link, returnFinalTarget: false) is not null, "the link itself is left as it was");
    }

    [Fact]
    public void An_output_that_is_a_hard_link_to_the_input_is_refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // hard links are compared by inode on Linux only (CI runs Linux)
        }

        string values = Values();
        byte[] before = File.ReadAllBytes(values);
        string hard = temp.File("hard.csv");
        using (Process ln = Process.Start("ln", [values, hard])!)
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        CliAssert.RejectedBilingually(CliRunner.Run("aggregate", "--values", values, "--out", hard), 2, "chính là tệp đầu vào", "same file as the input");
        Unchanged(values, before);
    }

    [Fact]
    public void A_read_only_target_is_refused_and_left_as_it_was()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes (CI runs Linux)
        }

        string values = Values();
        string target = temp.Write("out.csv", "old content");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        byte[] before = File.ReadAllBytes(target);

        foreach (string[] args in new[]
        {
            new[] { "aggregate", "--values", values, "--out", target },
            new[] { "catalogue", "export", target },
            new[] { "excel", "catalogue", "export", "--out", target },
        })
        {
            CliAssert.RejectedBilingually(CliRunner.Run(args), 2, "chỉ được đọc", "read-only");
        }

        Unchanged(target, before);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
        NoTemporaryFileLeft();
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes (CI runs Linux)
        }

        string target = temp.Write("catalogue.json", "{}");
        UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(target, mode);

        CliAssert.Succeeded(CliRunner.Run("catalogue", "export", target));

        Assert.Equal(mode, File.GetUnixFileMode(target));
        Assert.True(new FileInfo(target).Length > 1000);
        NoTemporaryFileLeft();
    }

    [Fact]
    public void A_write_that_fails_part_way_leaves_the_old_file_and_no_temporary_file()
    {
        // A full disk part-way through, as the helper every command writes with sees it.
        string target = temp.Write("old.json", "the old file");
        byte[] before = File.ReadAllBytes(target);
        Assert.Throws<IOException>(() => OutputFile.Write(target, stream =>
        {
            stream.Write(new byte[10_000]);
            throw new IOException("No space left on device");
        }));

        Unchanged(target, before);
        NoTemporaryFileLeft();
    }

    [Theory]
    [InlineData("aggregate")]
    [InlineData("catalogue export")]
    [InlineData("excel catalogue export")]
    public void An_output_into_a_missing_folder_or_onto_a_folder_is_invalid_input(string command)
    {
        string values = Values();
        Directory.CreateDirectory(temp.File("folder"));
        foreach ((string output, string vi, string en) in new[]
        {
            (temp.File("missing/out.x"), "không tồn tại", "does not exist"),
            (temp.File("folder"), "là một thư mục", "is a folder"),
        })
        {
            string[] args = command switch
            {
                "aggregate" => ["aggregate", "--values", values, "--out", output],
                "catalogue export" => ["catalogue", "export", output],
                _ => ["excel", "catalogue", "export", "--out", output],
            };
            CliResult result = CliRunner.Run(args);
            CliAssert.RejectedBilingually(result, 2, vi, en);
            Assert.DoesNotContain("Exception", result.Stderr);
        }

        Assert.False(Directory.Exists(temp.File("missing")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.File("folder")));
    }

    [Fact]
    public void An_excel_import_never_overwrites_its_workbook()
    {
        string workbook = temp.Write("filled.xlsx", "not really a workbook");
        byte[] before = File.ReadAllBytes(workbook);
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "import", "--file", workbook, "--out", workbook), 2, "chính là tệp đầu vào --file", "same file as the input --file");
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "catalogue", "import", "--file", workbook, "--out", workbook), 2, "chính là tệp đầu vào --file", "same file as the input --file");
        Unchanged(workbook, before);
    }

    // ---- §4 Never a stack trace ----

    [Fact]
    public void The_first_supported_year_lists_its_days_off()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("calendar", "1900"));
        Assert.Contains("1900", stdout);
        CliAssert.Succeeded(CliRunner.Run("calendar", "2199", "--json"));
    }

    [Fact]
    public void A_missing_history_file_is_invalid_input()
    {
        string values = Values();
        CliAssert.RejectedBilingually(CliRunner.Run("validate", "--values", values, "--history", temp.File("missing.csv")), 2, "--history: không tìm thấy tệp", "not found");
        CliAssert.RejectedBilingually(CliRunner.Run("validate", "--values", values, "--history", temp.Path), 2, "là một thư mục", "is a folder");
    }

    [Theory]
    [InlineData("2199-M12")]
    [InlineData("2199-M01")]
    [InlineData("1900-M01")]
    public void A_demo_period_at_the_ends_of_the_calendar_is_invalid_input(string period)
    {
        CliResult result = CliRunner.Run("demo", "--period", period, "--dir", temp.File("demo"));
        CliAssert.RejectedBilingually(result, 2, "--period: kỳ mẫu phải trong khoảng", "the demo period must be within");
    }

    [Fact]
    public void A_catalogue_file_that_cannot_be_read_is_told_on_stderr_without_dotnet_text()
    {
        CliResult missing = CliRunner.Run("catalogue", "validate", temp.File("missing.json"));
        CliAssert.RejectedBilingually(missing, 2, "không tìm thấy tệp", "not found");
        Assert.DoesNotContain("Could not find", missing.Stderr);

        // A JSON value of the wrong type: located, in our words, no .NET type name.
        string wrong = temp.Write("wrong.json", "{\"schemaVersion\": \"one\"}");
        CliResult typed = CliRunner.Run("catalogue", "validate", wrong);
        Assert.Equal(1, typed.ExitCode);
        Assert.DoesNotContain("System.", typed.Stdout);
        Assert.DoesNotContain("could not be converted", typed.Stdout);
    }

    [Theory]
    [InlineData("calendar", "abc")]
    [InlineData("periods", "x", "--type", "month")]
    [InlineData("deadline", "--rule", "day-of-month-after:12", "--year", "abc", "--type", "month")]
    [InlineData("catalogue")]
    [InlineData("demo", "--seed", "many")]
    public void Parser_errors_are_in_our_own_words_in_both_languages(params string[] args)
    {
        CliResult result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.DoesNotContain("System.", result.Stderr);
        Assert.DoesNotContain("Cannot parse", result.Stderr);
        Assert.DoesNotContain("Unrecognized", result.Stderr);
        Assert.Contains("Dòng lệnh không hợp lệ / Invalid command line", result.Stderr);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_names_the_option_and_the_kind()
    {
        CliResult result = CliRunner.Run("calendar", "abc");
        CliAssert.RejectedBilingually(result, 2, "'abc' không phải số nguyên hợp lệ cho <year>", "'abc' is not a valid whole number for <year>");

        CliResult missing = CliRunner.Run("aggregate", "--out", temp.File("x.csv"));
        CliAssert.RejectedBilingually(missing, 2, "thiếu tùy chọn bắt buộc --values", "the required option --values of 'ktxh aggregate' is missing");

        CliResult unknown = CliRunner.Run("calendar", "2026", "--bogus");
        CliAssert.RejectedBilingually(unknown, 2, "không nhận ra '--bogus'", "'--bogus' is not recognised");
    }

    [Fact]
    public void An_empty_database_path_is_invalid_input_not_an_internal_error()
    {
        // Found by the fuzz test: --plan-db "" and --db "" reached new FileInfo("") (exit 70).
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value", "CT001,00004,2026,50");
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--plan-db", "", "--out", temp.File("r.xlsx")), 2,
            "không phải đường dẫn tệp hợp lệ cho --plan-db", "is not a valid file path for --plan-db");
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "progress", "--db", "", "--out", temp.File("p.xlsx")), 2,
            "không phải đường dẫn tệp hợp lệ cho --db", "is not a valid file path for --db");
        Assert.False(File.Exists(temp.File("r.xlsx")));
        Assert.False(File.Exists(temp.File("p.xlsx")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_cycle_database_path_is_invalid_input_not_an_internal_error(string db)
    {
        // Found by the fuzz test: `workflow init --province 37 --year 2026 --db ""` ended in the internal error (exit 70).
        CliAssert.RejectedBilingually(CliRunner.Run("workflow", "init", "--province", "37", "--year", "2026", "--db", db), 2,
            "không phải đường dẫn tệp hợp lệ cho --db", "is not a valid file path for --db");
        CliAssert.RejectedBilingually(CliRunner.Run("workflow", "audit", "verify", "--db", db), 2,
            "không phải đường dẫn tệp hợp lệ cho --db", "is not a valid file path for --db");
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("")]
    [InlineData("  ")]
    public void As_of_refuses_year_zero_and_blank(string asOf)
    {
        string values = Values();
        CliAssert.RejectedBilingually(CliRunner.Run("aggregate", "--values", values, "--out", temp.File("out.csv"), "--as-of", asOf), 2, "--as-of: ngày", "--as-of: date");
        CliAssert.RejectedBilingually(CliRunner.Run("units", "list", "--province", "01", "--as-of", asOf), 2, "--as-of: ngày không hợp lệ", "--as-of: invalid date");
        Assert.False(File.Exists(temp.File("out.csv")));
    }

    [Theory]
    [InlineData("DECREE09")]
    [InlineData("Decree09")]
    [InlineData("Calendar")]
    public void Cutoff_is_case_insensitive_like_type(string cutoff)
    {
        CliAssert.Succeeded(CliRunner.Run("periods", "2026", "--type", "Month", "--cutoff", cutoff));
        CliAssert.Succeeded(CliRunner.Run("deadline", "--rule", "day-of-month-after:12", "--period", "2026-M01", "--cutoff", cutoff));
    }

    [Fact]
    public void Agency_is_case_insensitive_like_type()
    {
        string upper = CliAssert.Succeeded(CliRunner.Run("catalogue", "show", "--agency", "KBNN"));
        Assert.Equal(upper, CliAssert.Succeeded(CliRunner.Run("catalogue", "show", "--agency", "kbnn")));
    }

    [Fact]
    public void A_long_argument_is_shortened_in_messages()
    {
        string longText = new('x', 5000);
        CliResult result = CliRunner.Run("catalogue", "show", "--agency", longText);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("…", result.Stderr);
        Assert.True(result.Stderr.Length < 1000, result.Stderr.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Json_errors_leave_stdout_empty()
    {
        CliResult result = CliRunner.Run("lunar", "2026-13-01", "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("\"messageVi\"", result.Stderr);
    }

    // ---- §2 Exact means exact (the CLI's part) ----

    [Fact]
    public void A_vietnamese_number_is_refused_unless_asked_for()
    {
        CliResult guessed = CliRunner.Run("uom", "convert", "1,5", "Triệu đồng", "Tỷ đồng");
        CliAssert.RejectedBilingually(guessed, 2, "--notation vi", "--notation vi");
        Assert.DoesNotContain("0.015", guessed.Stderr);

        Assert.Equal("0,0015", CliAssert.Succeeded(CliRunner.Run("uom", "convert", "1,5", "Triệu đồng", "Tỷ đồng", "--notation", "vi")).Trim());
        Assert.Equal("1,2345", CliAssert.Succeeded(CliRunner.Run("uom", "convert", "1.234,5", "Triệu đồng", "Tỷ đồng", "--notation", "vi")).Trim());
        Assert.Equal("1.234.500", CliAssert.Succeeded(CliRunner.Run("uom", "convert", "1.234,5", "Tỷ đồng", "Triệu đồng", "--notation", "vi")).Trim());
        CliAssert.RejectedBilingually(CliRunner.Run("uom", "convert", "1.5", "Triệu đồng", "Tỷ đồng", "--notation", "vi"), 2, "cách viết Việt Nam", "Vietnamese notation");
    }

    [Theory]
    [InlineData("1e3", "Tỷ đồng", "Triệu đồng", "1000000")]
    [InlineData("0.001000", "Tỷ đồng", "Triệu đồng", "1")]
    [InlineData("1000", "Triệu đồng", "Tỷ đồng", "1")]
    [InlineData("1.5", "Tỷ đồng", "Triệu đồng", "1500")]
    [InlineData("1E-20", "Triệu đồng", "Tỷ đồng", "0.00000000000000000000001")]
    public void Converted_numbers_are_never_written_to_be_misread(string value, string from, string to, string expected)
    {
        // No exponent and no trailing zeros: "1.000" would read as one thousand to a Vietnamese reader.
        Assert.Equal(expected, CliAssert.Succeeded(CliRunner.Run("uom", "convert", value, from, to)).Trim());
    }

    [Theory]
    [InlineData("0.1234567890123456789012345678901234567890")]
    [InlineData("1e-40")]
    [InlineData("1e99")]
    public void A_value_a_decimal_cannot_hold_exactly_is_refused(string value)
    {
        CliAssert.RejectedBilingually(CliRunner.Run("uom", "convert", value, "Triệu đồng", "Tỷ đồng"), 2, "quá nhiều chữ số", "too many digits");
    }

    // ---- §3 Validation sees what aggregation sees ----

    private string Unusable() => temp.Write("v.csv",
        "indicator,unit,period,value,disaggregation",
        $"{Retail},00004,2026-M01,100.5,",
        "NOPE,00004,2026-M01,1,",
        $"{Retail},99999,2026-M01,5,",
        $"{Retail},00008,2026-M01,7,GT=NU",
        "HNM.CTK.01.001,00004,2026-M01,9,");

    [Fact]
    public void Validate_reports_every_line_aggregate_would_drop_as_an_error_at_its_line()
    {
        CliResult result = CliRunner.Run("validate", "--values", Unusable());
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("v.csv, line 3: [Error] UNKNOWN_INDICATOR", result.Stdout);
        Assert.Contains("v.csv, line 4: [Error] UNKNOWN_UNIT", result.Stdout);
        Assert.Contains("v.csv, line 5: [Error] UNKNOWN_DISAGGREGATION", result.Stdout);
        Assert.Contains("v.csv, line 6: [Error] PERIOD_TYPE", result.Stdout);
        Assert.Contains("5 giá trị / values: 4 lỗi / errors", result.Stdout);
    }

    [Fact]
    public void Aggregate_reports_and_counts_the_dropped_lines()
    {
        CliResult result = CliRunner.Run("aggregate", "--values", Unusable(), "--out", temp.File("out.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("5 giá trị vào / values in, 4 bị loại / rejected", result.Stdout);
        foreach (int line in new[] { 3, 4, 5, 6 })
        {
            Assert.Contains($"v.csv, line {line}: ", result.Stderr);
        }

        Assert.DoesNotContain("line 2:", result.Stderr);
    }

    [Fact]
    public void A_run_where_every_line_is_dropped_is_not_a_success()
    {
        string values = temp.Write("v.csv", "indicator,unit,period,value", "NOPE,00004,2026-M01,1", $"{Retail},99999,2026-M01,5");
        CliResult result = CliRunner.Run("aggregate", "--values", values, "--out", temp.File("out.csv"));
        CliAssert.RejectedBilingually(result, 2, "không có giá trị nào dùng được", "no value could be used");
        Assert.False(File.Exists(temp.File("out.csv")));
    }
}
