using System.Text;
using System.Text.Json.Nodes;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests;

/// <summary>
/// Hostile input into the entry points of Ktxh.Periods: malformed decision data never throws nor half-applies, and
/// fails with a located Vietnamese / English error; absurd dates and periods at the ends of the range throw only the
/// documented <see cref="ArgumentOutOfRangeException"/>; parsers never throw.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Whole documents that are not decision data.</summary>
    public static TheoryData<string> HostileDocuments() => new()
    {
        "", " ", "\uFEFF", "null", "true", "42", "\"text\"", "[]", "{}", "[null]", "{\"a\":", "\0", "\uD800",
        new string('[', 10_000) + new string(']', 10_000),
        "{\"schemaVersion\":1e400,\"years\":[]}", "{\"schemaVersion\":\"1\",\"years\":[]}",
        "{\"schemaVersion\":1,\"years\":null}", "{\"schemaVersion\":1,\"years\":[null]}", "{\"schemaVersion\":1,\"years\":[{}]}",
        "{\"schemaVersion\":1,\"years\":[{\"year\":0}]}", "{\"schemaVersion\":1,\"years\":[{\"year\":10000}]}",
        "{\"schemaVersion\":1,\"years\":[{\"year\":99999999999999999999}]}", "{\"schemaVersion\":1,\"schemaVersion\":1,\"years\":[]}", "{\"schemaVersion\":1,\"years\":[{\"year\":2020.5}]}",
    };

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void Decisions_hostile_document_fails_located_and_bilingual_and_loads_nothing(string json)
    {
        KtxhResult<CalendarDecisions> parsed = CalendarDecisions.Parse(json);
        AssertDecisionFailure(parsed.Errors);
        WorkingCalendarBuilder builder = WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions(json);
        KtxhResult<WorkingCalendar> built = builder.BuildResult();
        Assert.False(built.Success);
        Assert.Equal(parsed.Errors, built.Errors);
        KtxhException thrown = Assert.Throws<KtxhException>(() => builder.Build());
        Assert.Equal(parsed.Errors, thrown.Errors);
    }

    [Fact]
    public void Decisions_invalid_utf8_stream_fails_and_loads_nothing()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(YearJson(0)).Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();
        KtxhResult<WorkingCalendar> built = WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions(new MemoryStream(bytes)).BuildResult();
        AssertDecisionFailure(built.Errors);
    }

    [Fact]
    public void Decisions_with_byte_order_mark_load()
    {
        byte[] bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(YearJson(0))).ToArray();
        KtxhResult<WorkingCalendar> result = WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions(new MemoryStream(bytes)).BuildResult();
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal([2020], result.Value.OfficialYears);
    }

    [Fact]
    public void Decisions_text_starting_with_a_byte_order_mark_loads()
    {
        KtxhResult<WorkingCalendar> result = WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions("\uFEFF" + YearJson(0)).BuildResult();
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal([2020], result.Value.OfficialYears);
    }

    [Fact]
    public void Decisions_every_node_replaced_by_hostile_value_never_throws_nor_half_applies()
    {
        string json = YearJson(0);
        Assert.True(WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions(json).BuildResult().Success);
        JsonNode root = JsonNode.Parse(json)!;
        var paths = new List<JsonNode>();
        Collect(root, paths);
        string[] replacements = { "null", "1e400", "-99999999999999999999999", "\"\"", "[]", "{}", "true", "\"0000-13-45\"" };
        var failures = new List<string>();
        for (int n = 0; n < paths.Count; n++)
        {
            foreach (string replacement in replacements)
            {
                JsonNode copy = JsonNode.Parse(json)!;
                var copyNodes = new List<JsonNode>();
                Collect(copy, copyNodes);
                JsonNode target = copyNodes[n];
                string where = $"{target.GetPath()} := {replacement}";
                target.ReplaceWith(JsonNode.Parse(replacement));
                try
                {
                    KtxhResult<WorkingCalendar> result = WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions(copy.ToJsonString()).BuildResult();
                    if (result.Success ? result.Value.OfficialYears.Any(y => y != 2020)
                        : result.Errors.Any(e => string.IsNullOrWhiteSpace(e.MessageVi) || string.IsNullOrWhiteSpace(e.MessageEn) || e.Location.JsonPath is null))
                    {
                        failures.Add($"{where}: half-applied or unlocated: {string.Join("; ", result.Errors)}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{where}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    /// <summary>Absurd dates and counts into the calendar.</summary>
    public static TheoryData<string> AbsurdCalendarCalls() => new()
    {
        "IsWorkingDay(0001-01-01)", "IsWorkingDay(9999-12-31)", "IsWorkingDay(1899-12-31)", "IsWorkingDay(2200-01-01)",
        "DaysOff(0)", "DaysOff(10000)", "DaysOff(int.MinValue)", "DaysOff(int.MaxValue)", "MakeUpWorkingDays(-1)",
        "GetYearInfo(10000)", "AddWorkingDays(2026-01-01, int.MaxValue)", "AddWorkingDays(2026-01-01, int.MinValue)",
        "AddWorkingDays(2199-12-31, 1)", "AddWorkingDays(1900-01-01, -1)", "NextWorkingDayOnOrAfter(2200-01-01)",
        "PreviousWorkingDayOnOrBefore(1900-01-01)", "WorkingDaysBetween(0001-01-01, 2026-01-01)", "GetDayOff(9999-12-31)",
    };

    [Theory]
    [MemberData(nameof(AbsurdCalendarCalls))]
    public void Calendar_absurd_input_throws_only_argument_out_of_range(string call)
    {
        WorkingCalendar c = WorkingCalendar.VietnamCivilService;
        Action act = call switch
        {
            "IsWorkingDay(0001-01-01)" => () => c.IsWorkingDay(new LocalDate(1, 1, 1)),
            "IsWorkingDay(9999-12-31)" => () => c.IsWorkingDay(new LocalDate(9999, 12, 31)),
            "IsWorkingDay(1899-12-31)" => () => c.IsWorkingDay(new LocalDate(1899, 12, 31)),
            "IsWorkingDay(2200-01-01)" => () => c.IsWorkingDay(new LocalDate(2200, 1, 1)),
            "DaysOff(0)" => () => c.DaysOff(0),
            "DaysOff(10000)" => () => c.DaysOff(10000),
            "DaysOff(int.MinValue)" => () => c.DaysOff(int.MinValue),
            "DaysOff(int.MaxValue)" => () => c.DaysOff(int.MaxValue),
            "MakeUpWorkingDays(-1)" => () => c.MakeUpWorkingDays(-1),
            "GetYearInfo(10000)" => () => c.GetYearInfo(10000),
            "AddWorkingDays(2026-01-01, int.MaxValue)" => () => c.AddWorkingDays(new LocalDate(2026, 1, 1), int.MaxValue),
            "AddWorkingDays(2026-01-01, int.MinValue)" => () => c.AddWorkingDays(new LocalDate(2026, 1, 1), int.MinValue),
            "AddWorkingDays(2199-12-31, 1)" => () => c.AddWorkingDays(new LocalDate(2199, 12, 31), 1),
            "AddWorkingDays(1900-01-01, -1)" => () => c.AddWorkingDays(new LocalDate(1900, 1, 1), -1),
            "NextWorkingDayOnOrAfter(2200-01-01)" => () => c.NextWorkingDayOnOrAfter(new LocalDate(2200, 1, 1)),
            "PreviousWorkingDayOnOrBefore(1900-01-01)" => () => c.PreviousWorkingDayOnOrBefore(new LocalDate(1900, 1, 1)),
            "WorkingDaysBetween(0001-01-01, 2026-01-01)" => () => c.WorkingDaysBetween(new LocalDate(1, 1, 1), new LocalDate(2026, 1, 1)),
            "GetDayOff(9999-12-31)" => () => c.GetDayOff(new LocalDate(9999, 12, 31)),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
        };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(act);
        Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The first and last period of every kind.</summary>
    public static TheoryData<string> EdgePeriods() => new()
    {
        "9999-M12-H2", "9999-M12", "9999-Q4", "9999-S2", "9999-9M", "9999", "9999-YTD-M12", "9996-9999",
        "0001-M01-H1", "0001-M01", "0001-Q1", "0001-S1", "0001-9M", "0001", "0001-YTD-M01", "0001-0005", "0001-W01",
    };

    [Theory]
    [MemberData(nameof(EdgePeriods))]
    public void Period_at_the_end_of_the_range_throws_only_argument_out_of_range(string id)
    {
        ReportingPeriod p = ReportingPeriod.Parse(id);
        bool last = p.End.Year >= ReportingPeriod.MaxWeekYear;
        foreach (Func<ReportingPeriod> move in new Func<ReportingPeriod>[] { p.Next, p.Previous, p.SamePeriodPreviousYear })
        {
            try
            {
                ReportingPeriod moved = move();
                Assert.NotEqual(p, moved);
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
            }
        }

        if (last)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Next());
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Previous());
        }
    }

    /// <summary>Hostile identifiers for every parser.</summary>
    public static TheoryData<string> HostileIdentifiers() => new()
    {
        "", " ", "\0", "\uFEFF2026", "2026-M13", "2026-M00", "0000", "10000", "99999999999999999999-M01", "-2026",
        "2026-W54", "2026-W00", "9999-W52", "2026-YTD-M13", "2026-2020", "2026-2026", "0000-0001", "2026-Q5", "2026-S3",
        "2026-M07-H3", "2026-07-01/P1M/P1M", "2026-07-01/P99999999999M", "0000-01-01/P1Y", "9999-12-01/P1M",
        "2026-13-01/P1M", "2026-07-01/PT1H", "202607", "2026W99", "2026Q9", "2026AprilS1", "9999BiW1", "2026-\u0661",
        new string('9', 10_000),
    };

    [Theory]
    [MemberData(nameof(HostileIdentifiers))]
    public void Parsers_never_throw_on_hostile_identifiers(string text)
    {
        foreach (KtxhResult<ReportingPeriod> result in new[]
                 {
                     ReportingPeriod.ParseWithResult(text), ReportingPeriod.ParseIsoInterval(text), ReportingPeriod.ParseDhis2(text),
                 })
        {
            if (!result.Success)
            {
                Assert.Contains(" / ", result.Errors[0].Message, StringComparison.Ordinal);
            }
        }

        KtxhResult<DeadlineRule> rule = DeadlineRule.ParseWithResult(text);
        Assert.False(rule.Success);
        Assert.Contains(" / ", rule.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lunar_conversion_outside_its_range_is_a_result_not_an_exception()
    {
        foreach (LocalDate date in new[]
                 {
                     new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31),
                     VietnameseLunarCalendar.MinDate.PlusDays(-1), VietnameseLunarCalendar.MaxDate.PlusDays(1),
                 })
        {
            KtxhResult<LunarDate> result = VietnameseLunarCalendar.ConvertFromGregorian(date);
            Assert.False(result.Success, date.ToString());
            Assert.Contains(" / ", result.Errors[0].ToString(), StringComparison.Ordinal);
        }
    }

    private static string YearJson(int index)
    {
        using Stream stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(BuiltInCalendarDecisionSource.ResourceName)!;
        JsonNode root = JsonNode.Parse(stream, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        JsonNode year = root["years"]![index]!;
        return new JsonObject { ["schemaVersion"] = 1, ["years"] = new JsonArray(year.DeepClone()) }.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (JsonNode? child in children)
        {
            if (child is not null)
            {
                nodes.Add(child);
                Collect(child, nodes);
            }
        }
    }

    private static void AssertDecisionFailure(IReadOnlyList<KtxhError> errors)
    {
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Contains(" / ", e.ToString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.MessageVi), e.ToString());
            Assert.False(string.IsNullOrWhiteSpace(e.MessageEn), e.ToString());
            Assert.True(e.Location.JsonPath is not null || e.Location.Line is not null, e.ToString());
            Assert.True(e.TryGetCode(out CalendarDataErrorCode _) || e.TryGetCode(out JsonReadErrorCode _), e.ToString());
        });
    }
}

/// <summary>Deadlines of periods at the ends of the date range: only the documented exceptions.</summary>
public sealed class DeadlineEdgeTests
{
    public static TheoryData<string, string> RulesAndPeriods()
    {
        var data = new TheoryData<string, string>();
        string[] rules =
        {
            "day-of-month-after:20", "day-of-month-after:15:3", "day-of-last-month:25", "working-days-after-cutoff:5",
            "days-after-period:30", "fixed-date:09-15:1",
        };
        string[] periods = { "9999-M12", "9999", "9999-Q4", "9999-S2", "9999-9M", "9999-YTD-M12", "9995-9999", "2199-M12", "1899-M12", "0001-M01" };
        foreach (string rule in rules)
        {
            foreach (string period in periods)
            {
                data.Add(rule, period);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RulesAndPeriods))]
    public void Resolve_at_the_ends_of_the_range_throws_only_documented_exceptions(string rule, string period)
    {
        DeadlineRule r = DeadlineRule.Parse(rule);
        ReportingPeriod p = ReportingPeriod.Parse(period);
        foreach (CutoffConvention convention in new[] { CutoffConvention.Calendar, CutoffConvention.Decree09 })
        {
            try
            {
                Deadline d = r.Resolve(p, WorkingCalendar.VietnamCivilService, convention);
                Assert.True(WorkingCalendar.VietnamCivilService.IsWorkingDay(d.Effective));
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
            }
            catch (InvalidOperationException e)
            {
                Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
            }
        }
    }
}
