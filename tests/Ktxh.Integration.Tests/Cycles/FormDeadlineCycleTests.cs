using System.Text.Json.Nodes;
using Ktxh.Indicators;
using Ktxh.Integration.Tests.Cli;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Integration.Tests.Cycles;

/// <summary>
/// The catalogue's forms carry their deadline rule and cut-off convention (Decree 09/2019/NĐ-CP Art. 12–13) as data;
/// Ktxh.Periods resolves them on the civil-service calendar. The built-in forms (seed 004) print no deadline, so each
/// form is given the rule a province typically sets for its period (monthly statistical forms: the 12th of the next
/// month; quarters and halves: the 20th; the year: 31 March of the next year; weeks and half-months: a few days after
/// the period), written into the exported catalogue JSON, validated with <c>ktxh catalogue validate</c>, read back and
/// resolved for every period of 2026.
/// </summary>
[Collection("Console")]
public sealed class FormDeadlineCycleTests : IDisposable
{
    private static readonly Dictionary<string, (string Rule, string Cutoff)> RuleByPeriodType = new(StringComparer.Ordinal)
    {
        ["Month"] = ("day-of-month-after:12", "decree09"),
        ["Quarter"] = ("day-of-month-after:20", "decree09"),
        ["HalfYear"] = ("day-of-month-after:20", "decree09"),
        ["Year"] = ("fixed-date:03-31", "decree09"),
        ["HalfMonth"] = ("days-after-period:3", "calendar"),
        ["Week"] = ("days-after-period:2", "calendar"),
    };

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Every_form_deadline_of_2026_is_a_working_day_with_no_working_day_skipped()
    {
        WorkingCalendar calendar = WorkingCalendar.VietnamCivilService;
        int resolved = 0;
        foreach ((string form, ReportingPeriod period, Deadline deadline) in ResolveAll())
        {
            string where = $"{form} {period.Id}: {deadline.Nominal} → {deadline.Effective}";
            Assert.True(calendar.IsWorkingDay(deadline.Effective), where);
            Assert.True(deadline.Effective >= deadline.Nominal, where);
            for (LocalDate d = deadline.Nominal; d < deadline.Effective; d = d.PlusDays(1))
            {
                Assert.False(calendar.IsWorkingDay(d), $"{where}: {d} is a working day");
            }

            Assert.Equal(calendar.NextWorkingDayOnOrAfter(deadline.Nominal), deadline.Effective);
            Assert.Equal(deadline.IsMoved, deadline.ReasonEn.Length > 0);

            // Decree 09 Art. 8(5): at least one working day between the cut-off and the deadline.
            int between = 0;
            for (LocalDate d = deadline.Cutoff.End.PlusDays(1); d < deadline.Effective; d = d.PlusDays(1))
            {
                between += calendar.IsWorkingDay(d) ? 1 : 0;
            }

            DeadlineGapCheck gap = DeadlineGapCheck.Check(deadline, calendar);
            Assert.True(between == gap.WorkingDaysBetween, $"{where}: {between} working days between the cut-off {deadline.Cutoff.End} and the deadline, the check says {gap.WorkingDaysBetween}");
            Assert.Equal(between >= 1, gap.Passed);
            if (deadline.Rule.Kind == DeadlineRuleKind.DayOfMonthAfterPeriod || deadline.Rule.Kind == DeadlineRuleKind.FixedDateInLaterYear)
            {
                Assert.True(gap.Passed, where + " leaves no working day after the cut-off");
            }

            resolved++;
        }

        // 33 forms: every form, every period of 2026 of its kind.
        Assert.True(resolved > 33 * 4, $"only {resolved} deadlines");
    }

    [Theory]
    [InlineData("CTK.09", "2026-M01", "2026-02-12", "2026-02-12")] // Thursday, before Tết.
    [InlineData("CTK.09", "2026-M06", "2026-07-12", "2026-07-13")] // Sunday → Monday.
    [InlineData("CTK.09", "2026-M08", "2026-09-12", "2026-09-14")] // Saturday → Monday.
    [InlineData("CTK.09", "2026-M12", "2027-01-12", "2027-01-12")]
    [InlineData("CTK.03", "2026-Q1", "2026-04-20", "2026-04-20")]
    [InlineData("CTK.03", "2026-Q3", "2026-10-20", "2026-10-20")]
    [InlineData("CTK.02", "2026-S1", "2026-07-20", "2026-07-20")]
    [InlineData("CTK.01", "2026", "2027-03-31", "2027-03-31")]
    [InlineData("HQ.01", "2026-W07", "2026-02-17", "2026-02-23")] // Tuesday of Tết → the Monday after.
    [InlineData("KBNN.01", "2026-M04-H2", "2026-05-03", "2026-05-04")] // Sunday → Monday.
    [InlineData("KBNN.01", "2026-M08-H2", "2026-09-03", "2026-09-03")] // Thursday after National Day.
    public void Form_deadlines_of_2026(string form, string period, string nominal, string effective)
    {
        (string _, ReportingPeriod _, Deadline deadline) = ResolveAll().Single(r => r.Form == form && r.Period.Id == period);
        Assert.Equal(nominal, deadline.Nominal.ToString("yyyy-MM-dd", null));
        Assert.Equal(effective, deadline.Effective.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void A_short_deadline_over_Tet_fails_the_Decree_09_gap_check()
    {
        // Half-month 1–15/02/2026: the 3rd day after it is mùng 2 Tết; the deadline moves to Monday 23/02 with no
        // working day since the cut-off (Sunday 15/02), which Decree 09 Art. 8(5) does not allow: the check says so.
        (string _, ReportingPeriod _, Deadline deadline) = ResolveAll().Single(r => r.Form == "KBNN.01" && r.Period.Id == "2026-M02-H1");
        Assert.Equal(new LocalDate(2026, 2, 23), deadline.Effective);
        DeadlineGapCheck gap = DeadlineGapCheck.Check(deadline, WorkingCalendar.VietnamCivilService);
        Assert.Equal(0, gap.WorkingDaysBetween);
        Assert.False(gap.Passed);
    }

    [Fact]
    public void Deadlines_survive_the_json_round_trip()
    {
        string file = CatalogueWithDeadlines();
        KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.ReadFile(file);
        Assert.True(read.Success, string.Join('\n', read.Errors));
        JsonArray written = JsonNode.Parse(IndicatorCatalogueJson.Write(read.Value!))!["forms"]!.AsArray();
        JsonArray original = JsonNode.Parse(File.ReadAllText(file))!["forms"]!.AsArray();
        Assert.Equal(original.Count, written.Count);
        for (int i = 0; i < original.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(original[i], written[i]), $"{original[i]!.ToJsonString()}\n≠\n{written[i]!.ToJsonString()}");
        }
    }

    private List<(string Form, ReportingPeriod Period, Deadline Deadline)> ResolveAll()
    {
        string file = CatalogueWithDeadlines();
        KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.ReadFile(file);
        Assert.True(read.Success, string.Join('\n', read.Errors));

        // The rules as the catalogue hands them back (written out again, so nothing is read from the file we wrote).
        JsonArray forms = JsonNode.Parse(IndicatorCatalogueJson.Write(read.Value!))!["forms"]!.AsArray();
        var result = new List<(string, ReportingPeriod, Deadline)>();
        foreach (JsonNode? form in forms)
        {
            string code = form!["code"]!.GetValue<string>();
            PeriodType type = Enum.Parse<PeriodType>(form["periodType"]!.GetValue<string>());
            DeadlineRule rule = DeadlineRule.Parse(form["deadline"]!.GetValue<string>());
            CutoffConvention cutoff = form["cutOff"]!.GetValue<string>() == "decree09" ? CutoffConvention.Decree09 : CutoffConvention.Calendar;
            IReadOnlyList<ReportingPeriod> periods = type == PeriodType.Year ? [ReportingPeriod.CalendarYear(2026)] : ReportingPeriod.CalendarYear(2026).SubPeriods(type);
            foreach (ReportingPeriod period in periods)
            {
                result.Add((code, period, rule.Resolve(period, WorkingCalendar.VietnamCivilService, cutoff)));
            }
        }

        return result;
    }

    // ktxh catalogue export, a deadline and cut-off added to every form, ktxh catalogue validate.
    private string CatalogueWithDeadlines()
    {
        string exported = temp.File("builtin.json");
        CliAssert.Succeeded(CliRunner.Run("catalogue", "export", exported));
        JsonNode root = JsonNode.Parse(File.ReadAllText(exported))!;
        foreach (JsonNode? form in root["forms"]!.AsArray())
        {
            (string rule, string cutoff) = RuleByPeriodType[form!["periodType"]!.GetValue<string>()];
            form["cutOff"] = cutoff;
            form["deadline"] = rule;
        }

        string file = temp.File("with-deadlines.json");
        File.WriteAllText(file, root.ToJsonString());
        string validated = CliAssert.Succeeded(CliRunner.Run("catalogue", "validate", file));
        Assert.Contains("Hợp lệ / Valid", validated);
        return file;
    }
}
