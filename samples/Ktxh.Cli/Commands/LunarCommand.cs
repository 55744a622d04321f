using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh lunar</c>: converts between gregorian dates and the Vietnamese lunar calendar.
/// <c>ktxh lunar 2026-02-17</c>; <c>ktxh lunar --to-gregorian 2023 3 10</c>; <c>ktxh lunar --to-gregorian 2020 4 15 --leap</c>
/// (or <c>--to-gregorian 2020-04L-15</c>); <c>--json</c> for machine output. Invalid input: a message in Vietnamese
/// and English and exit code 2.
/// </summary>
internal sealed class LunarCommand(CliContext cli)
{
    private const int InvalidInput = 2;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Keep Vietnamese letters readable.
    };

    public Command Create()
    {
        var values = new Argument<string[]>("values")
        {
            Description = "A gregorian date yyyy-MM-dd; with --to-gregorian: <year> <month> <day> of the lunar calendar (or yyyy-MM[L]-dd).",
            Arity = new ArgumentArity(0, 3), // Missing values are reported below, bilingually, with exit code 2.
        };
        var toGregorian = new Option<bool>("--to-gregorian", "-g") { Description = "Convert a lunar date to the gregorian date." };
        var leap = new Option<bool>("--leap") { Description = "With --to-gregorian: the month is the leap month (tháng nhuận)." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of text." };

        var command = new Command("lunar", "Convert between gregorian dates and the Vietnamese lunar calendar (âm lịch, UTC+7, 1900–2199).")
        {
            values,
            toGregorian,
            leap,
            json,
        };
        command.TreatUnmatchedTokensAsErrors = false; // Reported below, bilingually, with exit code 2.
        command.SetAction(parseResult =>
        {
            bool asJson = parseResult.GetValue(json);
            if (parseResult.UnmatchedTokens.Count > 0)
            {
                string tokens = string.Join(" ", parseResult.UnmatchedTokens);
                return Fail(asJson, "arguments", $"Tham số không hiểu được: {tokens}.", $"Unrecognised arguments: {tokens}.");
            }

            string[] given = parseResult.GetValue(values) ?? [];
            string? option = given.FirstOrDefault(v => v.StartsWith('-') && !int.TryParse(v, CultureInfo.InvariantCulture, out _));
            if (option is not null)
            {
                return Fail(asJson, "arguments",
                    $"Tuỳ chọn không hiểu được: {option} (dùng --to-gregorian, --leap, --json).",
                    $"Unrecognised option: {option} (use --to-gregorian, --leap, --json).");
            }

            if (given.Length == 0)
            {
                return Fail(asJson, "values",
                    "Thiếu ngày: cho một ngày dương lịch yyyy-MM-dd, hoặc --to-gregorian <năm> <tháng> <ngày> [--leap].",
                    "Missing date: give a gregorian date yyyy-MM-dd, or --to-gregorian <year> <month> <day> [--leap].");
            }

            return parseResult.GetValue(toGregorian)
                ? RunToGregorian(given, parseResult.GetValue(leap), asJson)
                : RunFromGregorian(given, parseResult.GetValue(leap), asJson);
        });
        return command;
    }

    private int RunFromGregorian(string[] given, bool leap, bool asJson)
    {
        if (given.Length != 1 || leap)
        {
            return Fail(asJson, "values",
                "Cần đúng một ngày dương lịch dạng yyyy-MM-dd (--leap chỉ dùng với --to-gregorian).",
                "Expected exactly one gregorian date as yyyy-MM-dd (--leap only goes with --to-gregorian).");
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(given[0]);
        if (!parsed.Success)
        {
            return Fail(asJson, "date",
                $"Ngày dương lịch \"{given[0]}\" không hợp lệ: cần dạng yyyy-MM-dd, ví dụ 2026-02-17.",
                $"Gregorian date \"{given[0]}\" is invalid: expected yyyy-MM-dd, e.g. 2026-02-17.");
        }

        KtxhResult<LunarDate> result = VietnameseLunarCalendar.ConvertFromGregorian(parsed.Value);
        return result.TryGetValue(out LunarDate lunar) ? Print(parsed.Value, lunar, asJson) : Fail(asJson, result.Errors[0]);
    }

    private int RunToGregorian(string[] given, bool leap, bool asJson)
    {
        LunarDate? lunar = given.Length switch
        {
            3 => TryNumbers(given, leap),
            1 => TryIsoLike(given[0], leap),
            _ => null,
        };
        if (lunar is null)
        {
            return Fail(asJson, "values",
                $"Ngày âm lịch \"{string.Join(" ", given)}\" không hợp lệ: cần <năm> <tháng> <ngày> (thêm --leap nếu là tháng nhuận) hoặc yyyy-MM-dd / yyyy-MML-dd, ví dụ 2023 3 10 hoặc 2020-04L-15.",
                $"Lunar date \"{string.Join(" ", given)}\" is invalid: expected <year> <month> <day> (add --leap for a leap month) or yyyy-MM-dd / yyyy-MML-dd, e.g. 2023 3 10 or 2020-04L-15.");
        }

        KtxhResult<LocalDate> result = VietnameseLunarCalendar.ConvertToGregorian(lunar.Value);
        return result.TryGetValue(out LocalDate gregorian) ? Print(gregorian, lunar.Value, asJson) : Fail(asJson, result.Errors[0]);
    }

    private LunarDate? TryNumbers(string[] given, bool leap)
    {
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++)
        {
            if (!int.TryParse(given[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new LunarDate(numbers[0], numbers[1], numbers[2], leap);
    }

    // "2020-04L-15" (leap month 4) or "2023-03-10".
    private LunarDate? TryIsoLike(string text, bool leap)
    {
        string[] parts = text.Split('-');
        if (parts.Length != 3)
        {
            return null;
        }

        bool leapMark = parts[1].EndsWith('L') || parts[1].EndsWith('l');
        string month = leapMark ? parts[1][..^1] : parts[1];
        return TryNumbers([parts[0], month, parts[2]], leap || leapMark);
    }

    private int Print(LocalDate gregorian, LunarDate lunar, bool asJson)
    {
        string canChi = VietnameseLunarCalendar.CanChiYear(lunar.Year);
        int leapMonth = VietnameseLunarCalendar.LeapMonth(lunar.Year);
        int daysInMonth = VietnameseLunarCalendar.DaysInMonth(lunar.Year, lunar.Month, lunar.IsLeapMonth);
        string iso = gregorian.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        if (asJson)
        {
            using var stream = new MemoryStream(); // written through the CLI's writer
            using (var writer = new Utf8JsonWriter(stream, JsonOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("gregorian", iso);
                writer.WriteStartObject("lunar");
                writer.WriteNumber("year", lunar.Year);
                writer.WriteNumber("month", lunar.Month);
                writer.WriteNumber("day", lunar.Day);
                writer.WriteBoolean("isLeapMonth", lunar.IsLeapMonth);
                writer.WriteString("text", lunar.ToString());
                writer.WriteString("iso", lunar.ToIsoLikeString());
                writer.WriteEndObject();
                writer.WriteString("canChiYear", canChi);
                writer.WriteNumber("daysInMonth", daysInMonth);
                writer.WriteNumber("leapMonthOfYear", leapMonth);
                writer.WriteString("newYear", VietnameseLunarCalendar.NewYear(lunar.Year).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            cli.Out.Write(Encoding.UTF8.GetString(stream.ToArray()));
            return 0;
        }

        string leapText = leapMonth == 0 ? "không có / none" : $"tháng {leapMonth} nhuận / leap month {leapMonth}";
        cli.Out.WriteLine($"Dương lịch / Gregorian:  {iso}");
        cli.Out.WriteLine($"Âm lịch / Lunar:         {lunar}{(lunar.IsLeapMonth ? " — tháng nhuận / leap month" : string.Empty)}");
        cli.Out.WriteLine($"Năm / Year:              {canChi} ({lunar.Year}); tháng nhuận trong năm / leap month of the year: {leapText}");
        cli.Out.WriteLine($"Tháng có / Month has:    {daysInMonth} ngày / days");
        return 0;
    }

    // The JSON keeps its shape: "kind" is the error's code (a LunarDateErrorCode name), "field" the field at fault.
    private int Fail(bool asJson, KtxhError error) =>
        Fail(asJson, error.Location.Field ?? "date", error.MessageVi, error.MessageEn, error.Code);

    private int Fail(bool asJson, string field, string messageVi, string messageEn, string kind = "InvalidInput")
    {
        if (asJson)
        {
            using var stream = new MemoryStream(); // written through the CLI's writer
            using (var writer = new Utf8JsonWriter(stream, JsonOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("kind", kind);
                writer.WriteString("field", field);
                writer.WriteString("messageVi", messageVi);
                writer.WriteString("messageEn", messageEn);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            // On standard error: standard output stays empty on any error, with --json too (issue 8 §4).
            stream.WriteByte((byte)'\n');
            cli.Error.Write(Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            cli.Error.WriteLine($"Lỗi: {messageVi}");
            cli.Error.WriteLine($"Error: {messageEn}");
        }

        return InvalidInput;
    }
}
