using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh deadline --rule day-of-month-after:12 --period 2026-M01 [--cutoff decree09] [--json]</c>: the deadline of
/// one period; <c>ktxh deadline --rule day-of-last-month:25 --year 2026 --type Month --cutoff decree09</c>: the schedule
/// of a year. Invalid input: a message in Vietnamese and English and exit code 2.
/// </summary>
internal sealed class DeadlineCommand(CliContext cli)
{
    private const int InvalidInput = 2;

    private static readonly JsonSerializerOptions JsonOptions = new(KtxhPeriodsJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Keep Vietnamese letters readable.
    };

    public Command Create()
    {
        var rule = new Option<string>("--rule") { Description = "The deadline rule, e.g. day-of-month-after:12, day-of-last-month:25, working-days-after-cutoff:3, days-after-period:20, fixed-date:09-15, date:2026-03-31." };
        var period = new Option<string>("--period") { Description = "One reporting period, e.g. 2026-M01, 2026-Q2, 2026." };
        var year = new Option<int?>("--year") { Description = "With --type: the schedule of every period of that year." };
        var type = new Option<PeriodType?>("--type") { Description = "With --year: the period type (Week, HalfMonth, Month, Quarter, HalfYear, NineMonths, Year, YearToDate)." };
        var cutoff = new Option<string>("--cutoff") { Description = "The cut-off convention: calendar (default) or decree09.", DefaultValueFactory = _ => "calendar" };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of text." };
        var command = new Command("deadline", "Resolve report deadlines on the civil-service working calendar (moved off weekly rest days and holidays).")
        {
            rule, period, year, type, cutoff, json,
        };
        command.SetAction(parseResult =>
        {
            bool asJson = parseResult.GetValue(json);
            var ruleResult = DeadlineRule.ParseWithResult(parseResult.GetValue(rule));
            if (!ruleResult.Success)
            {
                return Fail("--rule: " + ruleResult.Errors[0].MessageVi, "--rule: " + ruleResult.Errors[0].MessageEn);
            }

            // Case-insensitive, as --type is.
            CutoffConvention? convention = parseResult.GetValue(cutoff)?.Trim().ToLowerInvariant() switch
            {
                "calendar" => CutoffConvention.Calendar,
                "decree09" => CutoffConvention.Decree09,
                _ => null,
            };
            if (convention is null)
            {
                return Fail("--cutoff phải là calendar hoặc decree09.", "--cutoff must be calendar or decree09.");
            }

            string? periodText = parseResult.GetValue(period);
            int? scheduleYear = parseResult.GetValue(year);
            PeriodType? scheduleType = parseResult.GetValue(type);
            var calendar = cli.Get<WorkingCalendar>();
            try
            {
                if (periodText is not null && scheduleYear is null && scheduleType is null)
                {
                    var periodResult = ReportingPeriod.ParseWithResult(periodText);
                    if (!periodResult.Success)
                    {
                        return Fail("--period: " + periodResult.Errors[0].MessageVi, "--period: " + periodResult.Errors[0].MessageEn);
                    }

                    // A convention without a window for this period type is told by the library's own bilingual error.
                    var window = convention.WindowFor(periodResult.Value);
                    if (!window.Success)
                    {
                        return Fail("--cutoff: " + window.Errors[0].MessageVi, "--cutoff: " + window.Errors[0].MessageEn);
                    }

                    var deadline = ruleResult.Value.Resolve(periodResult.Value, calendar, convention);
                    Print([new ScheduleEntry(deadline.Period, deadline.Cutoff, deadline, DeadlineGapCheck.Check(deadline, calendar))], asJson, calendar);
                    return 0;
                }

                if (periodText is null && scheduleYear is { } y && scheduleType is { } t)
                {
                    Print(ReportingSchedule.For(y, t, ruleResult.Value, calendar, convention), asJson, calendar);
                    return 0;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // A deadline or cut-off past the working calendar; told in our words, never the exception's text.
                return Fail("Hạn báo cáo hoặc thời hạn chốt số liệu nằm ngoài phạm vi lịch làm việc được hỗ trợ (1900–2199)",
                    "The deadline or the cut-off falls outside the supported working calendar (1900–2199)");
            }

            return Fail("Cần --period, hoặc cả --year và --type.", "Give --period, or both --year and --type.");
        });
        return command;
    }

    private void Print(IReadOnlyList<ScheduleEntry> entries, bool asJson, WorkingCalendar calendar)
    {
        if (asJson)
        {
            var rows = entries.Select(e => new
            {
                period = e.Period,
                rule = e.Deadline.Rule,
                cutoffStart = e.Cutoff.Start,
                cutoffEnd = e.Cutoff.End,
                nominal = e.Deadline.Nominal,
                effective = e.Deadline.Effective,
                moved = e.Deadline.IsMoved,
                reasonVi = e.Deadline.ReasonVi,
                reasonEn = e.Deadline.ReasonEn,
                forecast = calendar.IsForecast(e.Deadline.Effective.Year),
                gapWorkingDays = e.GapCheck.WorkingDaysBetween,
                gapCheckPassed = e.GapCheck.Passed,
            });
            cli.Out.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
            return;
        }

        cli.Out.WriteLine("Kỳ / period        Chốt số liệu / cut-off     Hạn / nominal  Hạn thực / effective  Khoảng cách / gap");
        foreach (var e in entries)
        {
            string forecast = calendar.IsForecast(e.Deadline.Effective.Year) ? " (dự báo / forecast calendar)" : string.Empty;
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Period.Id,-18} {Format(e.Cutoff.Start)}–{Format(e.Cutoff.End)}  {Format(e.Deadline.Nominal)}     {Format(e.Deadline.Effective)}{(e.Deadline.IsMoved ? " *" : "  ")}          {e.GapCheck.WorkingDaysBetween} {(e.GapCheck.Passed ? "ok" : "< 1: Decree 09 Art. 8(5)")}{forecast}"));
            if (e.Deadline.IsMoved && entries.Count == 1)
            {
                cli.Out.WriteLine("  " + e.Deadline.ReasonVi);
                cli.Out.WriteLine("  " + e.Deadline.ReasonEn);
            }
        }
    }

    private string Format(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private int Fail(string vi, string en)
    {
        cli.Error.WriteLine(en.Length > 0 ? $"{vi} / {en}" : vi);
        return InvalidInput;
    }
}
