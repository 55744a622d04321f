using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh calendar &lt;year&gt; [--json]</c>: every day off of the civil-service calendar in a year, with its
/// reason, name and source, and whether the year is official or a forecast;
/// <c>ktxh calendar is-working &lt;date&gt;</c>: whether a date is a working day, and why not.
/// </summary>
internal sealed class CalendarCommand(CliContext cli)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Vietnamese letters readable
    };

    public Command Create()
    {
        var year = new Argument<int>("year") { Description = "The gregorian year (1900–2199)." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of text." };
        var command = new Command("calendar", "List the days off of Vietnam's civil-service working calendar in a year.")
        {
            year,
            json,
        };
        command.SetAction(parse => ListYear(parse.GetValue(year), parse.GetValue(json)));
        command.Subcommands.Add(CreateIsWorking());
        return command;
    }

    private Command CreateIsWorking()
    {
        var date = new Argument<string>("date") { Description = "The date, yyyy-MM-dd." };
        var command = new Command("is-working", "Say whether a date is a working day for civil servants, and why not.") { date };
        command.SetAction(parse =>
        {
            string text = parse.GetValue(date) ?? string.Empty;
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success || parsed.Value < WorkingCalendar.MinDate || parsed.Value > WorkingCalendar.MaxDate)
            {
                cli.Error.WriteLine(
                    $"Ngày không hợp lệ \"{CliText.Shorten(text)}\": cần dạng yyyy-MM-dd trong khoảng 1900–2199 / " +
                    $"Invalid date \"{CliText.Shorten(text)}\": expected yyyy-MM-dd within 1900–2199.");
                return 2;
            }

            WorkingCalendar calendar = cli.Get<WorkingCalendar>();
            LocalDate day = parsed.Value;
            DayOff? off = calendar.GetDayOff(day);
            string forecast = calendar.IsForecast(day.Year) ? " [dự báo / forecast]" : string.Empty;
            if (off is null)
            {
                cli.Out.WriteLine($"{Iso(day)} ({day.DayOfWeek}): ngày làm việc / working day{forecast}");
                return 0;
            }

            cli.Out.WriteLine($"{Iso(day)} ({day.DayOfWeek}): nghỉ / day off — {off.Reason}: {off.NameVi} / {off.NameEn}{forecast}");
            if (off.Source is not null)
            {
                cli.Out.WriteLine($"  Nguồn / Source: {off.Source}");
            }

            cli.Out.WriteLine($"  Ngày làm việc tiếp theo / next working day: {Iso(calendar.NextWorkingDayOnOrAfter(day))}");
            return 1;
        });
        return command;
    }

    private int ListYear(int year, bool asJson)
    {
        if (year < WorkingCalendar.MinDate.Year || year > WorkingCalendar.MaxDate.Year)
        {
            cli.Error.WriteLine($"Năm {year} nằm ngoài phạm vi 1900–2199 / Year {year} is outside 1900–2199.");
            return 2;
        }

        WorkingCalendar calendar = cli.Get<WorkingCalendar>();
        CalendarYearInfo info = calendar.GetYearInfo(year);
        IReadOnlyList<DayOff> daysOff = calendar.DaysOff(year);
        IReadOnlyList<MakeUpWorkingDay> worked = calendar.MakeUpWorkingDays(year);

        if (asJson)
        {
            var document = new
            {
                year,
                status = info.IsForecast ? "forecast" : "official",
                laborCode = info.LaborCode,
                decisions = info.Decisions.Select(d => new { d.Number, date = d.Date is { } x ? Iso(x) : null, d.IssuerVi, d.IssuerEn, d.SummaryVi, d.SummaryEn }),
                notes = info.Notes,
                daysOff = daysOff.Select(d => new
                {
                    date = Iso(d.Date),
                    reason = d.Reason.ToString(),
                    nameVi = d.NameVi,
                    nameEn = d.NameEn,
                    source = d.Source,
                    isForecast = d.IsForecast,
                }),
                saturdaysWorked = worked.Select(w => new { date = Iso(w.Date), replaces = Iso(w.ReplacesDate), source = w.Source }),
                workingDays = WorkingDaysIn(calendar, year),
            };
            cli.Out.WriteLine(JsonSerializer.Serialize(document, Json));
            return 0;
        }

        cli.Out.WriteLine($"Lịch làm việc công chức / Civil-service working calendar {year} (Bộ luật Lao động / Labor Code {info.LaborCode})");
        if (info.IsForecast)
        {
            cli.Out.WriteLine("DỰ BÁO theo quy tắc, chưa có quyết định chính thức / FORECAST by rule, no official decision loaded.");
        }
        else
        {
            cli.Out.WriteLine("Chính thức / Official:");
            foreach (OfficialDecision decision in info.Decisions)
            {
                cli.Out.WriteLine($"  - {decision.Citation}");
            }
        }

        cli.Out.WriteLine();
        foreach (DayOff d in daysOff)
        {
            string weekday = d.Date.DayOfWeek.ToString()[..3];
            cli.Out.WriteLine($"{Iso(d.Date)} {weekday}  {d.Reason,-13} {d.NameVi} / {d.NameEn}");
        }

        if (worked.Count > 0)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine("Làm bù / Rest days worked:");
            foreach (MakeUpWorkingDay w in worked)
            {
                cli.Out.WriteLine($"{Iso(w.Date)} {w.Date.DayOfWeek.ToString()[..3]}  thay cho / replaces {Iso(w.ReplacesDate)} — {w.Source}");
            }
        }

        foreach (string note in info.Notes)
        {
            cli.Out.WriteLine($"Ghi chú / Note: {note}");
        }

        int workingDays = WorkingDaysIn(calendar, year);
        cli.Out.WriteLine($"Số ngày làm việc / Working days: {workingDays.ToString(CultureInfo.InvariantCulture)}");
        return 0;
    }

    // Counted day by day: the day before 1 January 1900 is outside the calendar, so no "between" from it (issue 8 §4).
    private static int WorkingDaysIn(WorkingCalendar calendar, int year)
    {
        LocalDate first = new(year, 1, 1);
        int days = Period.DaysBetween(first, new LocalDate(year, 12, 31)) + 1;
        return Enumerable.Range(0, days).Count(d => calendar.IsWorkingDay(first.PlusDays(d)));
    }

    private string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
