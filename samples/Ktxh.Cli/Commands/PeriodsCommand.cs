using System.CommandLine;
using System.Text.Json;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh periods &lt;year&gt; --type &lt;type&gt; [--json] [--cutoff calendar|decree09]</c>: lists the reporting periods
/// of a year with their identifiers, first and last days and, when asked, their cut-off windows.
/// </summary>
internal sealed class PeriodsCommand(CliContext cli)
{
    private static readonly Dictionary<string, PeriodType> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["week"] = PeriodType.Week,
        ["half-month"] = PeriodType.HalfMonth,
        ["month"] = PeriodType.Month,
        ["quarter"] = PeriodType.Quarter,
        ["half-year"] = PeriodType.HalfYear,
        ["nine-months"] = PeriodType.NineMonths,
        ["year"] = PeriodType.Year,
        ["ytd"] = PeriodType.YearToDate,
        ["multi-year"] = PeriodType.MultiYear,
    };

    private sealed record Row(ReportingPeriod Id, LocalDate Start, LocalDate End, string IsoInterval, Window? Cutoff, string? CutoffError);

    private sealed record Window(LocalDate Start, LocalDate End);

    // The CLI's own names (half-month) and the enum's (HalfMonth) both name a type, in any case.
    private bool TryType(string? name, out PeriodType type)
    {
        if (name is not null && TypeNames.TryGetValue(name, out type))
        {
            return true;
        }

        return Enum.TryParse(name, ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(name, out _);
    }

    public Command Create()
    {
        var year = new Argument<int>("year") { Description = "The year (for weeks: the ISO week-year)." };
        var type = new Option<string>("--type", "-t")
        {
            Description = "The kind of period: " + string.Join(", ", TypeNames.Keys) + ".",
            Required = true,
        };
        // Case-insensitive, as the name lookup is ("Quarter" and "quarter" both work), with a bilingual error.
        type.Validators.Add(result =>
        {
            string? given = result.GetValueOrDefault<string>();
            if (!TryType(given, out _))
            {
                result.AddError($"Loại kỳ '{CliText.Shorten(given)}' không hợp lệ; dùng: {string.Join(", ", TypeNames.Keys)}. / Unknown period type '{CliText.Shorten(given)}'; use one of: {string.Join(", ", TypeNames.Keys)}.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var cutoff = new Option<string?>("--cutoff")
        {
            Description = "Also show the data cut-off window: calendar (statistical regime) or decree09 (Decree 09/2019/NĐ-CP Art. 12).",
        };
        // Case-insensitive, as --type is (AcceptOnlyFromAmong would compare exactly).
        cutoff.Validators.Add(result =>
        {
            string? given = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (given is not null && !given.Trim().Equals("calendar", StringComparison.OrdinalIgnoreCase) && !given.Trim().Equals("decree09", StringComparison.OrdinalIgnoreCase))
            {
                string shown = CliText.Shorten(given);
                result.AddError($"--cutoff '{shown}' không hợp lệ; dùng calendar hoặc decree09 / --cutoff '{shown}' is not valid; use calendar or decree09");
            }
        });

        var command = new Command("periods", "List the reporting periods of a year, with their cut-off windows if asked.");
        command.Arguments.Add(year);
        command.Options.Add(type);
        command.Options.Add(json);
        command.Options.Add(cutoff);
        command.SetAction(parseResult =>
        {
            int y = parseResult.GetValue(year);
            TryType(parseResult.GetValue(type), out PeriodType kind);
            string? cutoffName = parseResult.GetValue(cutoff);
            var convention = cutoffName is null ? null
                : cutoffName.Trim().Equals("decree09", StringComparison.OrdinalIgnoreCase) ? CutoffConvention.Decree09 : CutoffConvention.Calendar;
            // Week-years stop a year early so that a week never runs past NodaTime's last date.
            int maxYear = kind == PeriodType.Week ? ReportingPeriod.MaxWeekYear : ReportingPeriod.MaxYear;
            if (y < ReportingPeriod.MinYear || y > maxYear)
            {
                cli.Error.WriteLine($"Năm phải từ 1 đến {maxYear} / The year must be 1 to {maxYear}.");
                return 2;
            }

            var rows = PeriodsOf(y, kind).Select(p =>
            {
                var window = convention?.WindowFor(p);
                return new Row(p, p.Start, p.End, p.ToIsoInterval(),
                    window is { Success: true } ? new Window(window.Value.Start, window.Value.End) : null,
                    window is { Success: false } ? window.Errors[0].Message : null);
            }).ToList();

            if (parseResult.GetValue(json))
            {
                var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }.ConfigureForKtxhPeriods();
                options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
                cli.Out.WriteLine(JsonSerializer.Serialize(rows, options));
                return 0;
            }

            cli.Out.WriteLine(convention is null
                ? $"{"Id",-14} {"Start",-10} {"End",-10}"
                : $"{"Id",-14} {"Start",-10} {"End",-10} Cut-off ({convention.Name})");
            foreach (var row in rows)
            {
                string line = $"{row.Id.Id,-14} {Iso(row.Start),-10} {Iso(row.End),-10}";
                if (convention is not null)
                {
                    line += row.Cutoff is { } w ? $" {Iso(w.Start)}..{Iso(w.End)}" : $" {row.CutoffError}";
                }

                cli.Out.WriteLine(line);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The periods of <paramref name="kind"/> belonging to <paramref name="year"/>.</summary>
    private IEnumerable<ReportingPeriod> PeriodsOf(int year, PeriodType kind) => kind switch
    {
        PeriodType.NineMonths => [ReportingPeriod.NineMonths(year)],
        PeriodType.YearToDate => Enumerable.Range(1, 12).Select(m => ReportingPeriod.YearToDate(year, m)),
        PeriodType.MultiYear => ReportingPeriod.TryContaining(new LocalDate(year, 1, 1), PeriodType.MultiYear, out var plan) ? [plan] : [],
        _ => ReportingPeriod.CalendarYear(year).SubPeriods(kind),
    };

    private string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
