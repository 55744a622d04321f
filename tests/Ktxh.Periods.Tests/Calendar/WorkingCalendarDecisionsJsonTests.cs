using System.Text;
using NodaTime;

namespace Ktxh.Periods.Tests.Calendar;

/// <summary>Loading a newer year's official decision from JSON at run time: all or nothing, located bilingual errors.</summary>
public class WorkingCalendarDecisionsJsonTests
{
    internal const string Year2027 = """
        {
          "schemaVersion": 1,
          "years": [
            {
              "year": 2027,
              "sources": [
                { "id": "d", "number": "1/VPCP-KGVX", "date": "2026-10-01", "issuerVi": "Văn phòng Chính phủ",
                  "issuerEn": "Government Office", "summaryVi": "Thử nghiệm", "summaryEn": "Test" }
              ],
              "tet": { "days": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"], "source": "d" },
              "nationalDayAdjacent": { "date": "2027-09-03", "source": "d" },
              "swaps": [ { "dayOff": "2027-02-10", "workedDay": "2027-02-20", "source": "d" } ],
              "extraDaysOff": [ { "date": "2027-11-24", "nameVi": "Ngày nghỉ đặc biệt", "nameEn": "Special day off", "source": "d" } ]
            }
          ]
        }
        """;

    [Fact]
    public void A_valid_decision_turns_a_forecast_year_into_an_official_one()
    {
        KtxhResult<CalendarDecisions> decisions = CalendarDecisions.Parse(Year2027);
        Assert.True(decisions.Success, string.Join("\n", decisions.Errors));
        Assert.Equal([2027], decisions.Value.Years);

        WorkingCalendar calendar = WorkingCalendar.CreateBuilder().WithDecisions(Year2027).Build();
        Assert.False(calendar.IsForecast(2027));
        Assert.True(WorkingCalendar.VietnamCivilService.IsForecast(2027)); // the shared calendar is unchanged
        Assert.Contains("1/VPCP-KGVX", calendar.GetDayOff(new LocalDate(2027, 2, 5))!.Source, StringComparison.Ordinal);
        // Tết 5–9/2 (6, 7 on the weekend) → compensation 11, 12 (10 is the swapped day), Saturday 20/2 worked.
        Assert.Equal(DayOffReason.Swap, calendar.GetDayOff(new LocalDate(2027, 2, 10))!.Reason);
        Assert.Equal(DayOffReason.Compensation, calendar.GetDayOff(new LocalDate(2027, 2, 11))!.Reason);
        Assert.Equal(DayOffReason.Compensation, calendar.GetDayOff(new LocalDate(2027, 2, 12))!.Reason);
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 2, 20)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 2, 4)));
        Assert.Equal("Ngày nghỉ đặc biệt", calendar.GetDayOff(new LocalDate(2027, 11, 24))!.NameVi);
    }

    [Fact]
    public void A_stream_loads_the_same_way()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Year2027));
        KtxhResult<WorkingCalendar> built = WorkingCalendar.CreateBuilder().WithDecisions(stream).BuildResult();
        Assert.True(built.Success, string.Join("\n", built.Errors));
        Assert.False(built.Value.IsForecast(2027));
    }

    public static IEnumerable<object[]> BadData()
    {
        // (json, expected path of the first error)
        yield return ["{ \"years\": [ { \"year\": 2027, ", "$.years[0]"]; // a syntax error: path, line and column
        yield return ["[1, 2]", "$"];
        yield return ["{ }", "$.years"];
        yield return [Year2027.Replace("\"year\": 2027", "\"year\": 2300", StringComparison.Ordinal), "$.years[0].year"];
        yield return [Year2027.Replace("\"2027-02-09\"", "\"2027-02-31\"", StringComparison.Ordinal), "$.years[0].tet.days[4]"];
        yield return [Year2027.Replace(", \"2027-02-09\"", "", StringComparison.Ordinal), "$.years[0].tet.days"];
        yield return [Year2027.Replace("\"2027-02-05\"", "\"2027-03-05\"", StringComparison.Ordinal), "$.years[0].tet.days[0]"];
        yield return [Year2027.Replace("\"date\": \"2027-09-03\"", "\"date\": \"2027-09-04\"", StringComparison.Ordinal), "$.years[0].nationalDayAdjacent.date"];
        yield return [Year2027.Replace("\"workedDay\": \"2027-02-20\"", "\"workedDay\": \"2027-02-22\"", StringComparison.Ordinal), "$.years[0].swaps[0].workedDay"];
        yield return [Year2027.Replace("\"dayOff\": \"2027-02-10\"", "\"dayOff\": \"2027-02-13\"", StringComparison.Ordinal), "$.years[0].swaps[0].dayOff"];
        yield return [Year2027.Replace("\"source\": \"d\" } ]\n", "\"source\": \"x\" } ]\n", StringComparison.Ordinal).Replace("\"nameEn\": \"Special day off\", \"source\": \"d\"", "\"nameEn\": \"Special day off\", \"source\": \"x\"", StringComparison.Ordinal), "$.years[0].extraDaysOff[0].source"];
        yield return [Year2027.Replace("\"issuerEn\": \"Government Office\", ", "", StringComparison.Ordinal), "$.years[0].sources[0].issuerEn"];
        yield return [Year2027.Replace("\"nationalDayAdjacent\": { \"date\": \"2027-09-03\", \"source\": \"d\" },", "", StringComparison.Ordinal), "$.years[0].nationalDayAdjacent"];
        yield return [Year2027.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal), "$.schemaVersion"];
    }

    [Theory]
    [MemberData(nameof(BadData))]
    public void Bad_data_is_rejected_with_located_bilingual_errors_and_changes_nothing(string json, string expectedPath)
    {
        KtxhResult<CalendarDecisions> result = CalendarDecisions.Parse(json, "2027.json");

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Location.JsonPath!.StartsWith(expectedPath, StringComparison.Ordinal));
        Assert.All(result.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.MessageVi));
            Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
            Assert.NotEqual(e.MessageVi, e.MessageEn);
            Assert.Equal("2027.json", e.Location.Source);
            Assert.Contains(e.Location.JsonPath!, e.ToString(), StringComparison.Ordinal);
        });
        Assert.Throws<KtxhException>(() => result.Value);

        // Nothing is built from bad data: the builder reports the same errors, and throws them from Build.
        WorkingCalendarBuilder builder = WorkingCalendar.CreateBuilder().WithDecisions(json, "2027.json");
        Assert.Equal(result.Errors, builder.BuildResult().Errors);
        Assert.Equal(result.Errors, Assert.Throws<KtxhException>(() => builder.Build()).Errors);
        Assert.True(WorkingCalendar.VietnamCivilService.IsForecast(2027));
    }

    [Fact]
    public void One_bad_year_rejects_the_good_years_too()
    {
        string twoYears = Year2027.Replace("\"years\": [", "\"years\": [ { \"year\": 2028 },", StringComparison.Ordinal);
        KtxhResult<WorkingCalendar> result = WorkingCalendar.CreateBuilder().WithDecisions(twoYears).BuildResult();
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Location.JsonPath == "$.years[0].sources" && e.Is(CalendarDataErrorCode.Missing));
        Assert.Contains(result.Errors, e => e.Location.JsonPath == "$.years[0].tet" && e.Is(CalendarDataErrorCode.Missing));
    }

    [Fact]
    public void A_duplicate_year_is_an_error()
    {
        string duplicated = Year2027.Replace("\"years\": [", "\"years\": [" + ExtractYear() + ",", StringComparison.Ordinal);
        KtxhResult<CalendarDecisions> result = CalendarDecisions.Parse(duplicated);
        Assert.Contains(result.Errors, e => e.Location.JsonPath == "$.years[1].year" && e.Is(CalendarDataErrorCode.Duplicate)
            && e.MessageEn.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void The_built_in_data_is_the_embedded_resource_and_loads_cleanly()
    {
        using Stream stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(BuiltInCalendarDecisionSource.ResourceName)!;
        Assert.NotNull(stream);
        KtxhResult<CalendarDecisions> result = CalendarDecisions.Parse(stream);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(Enumerable.Range(2020, 7), result.Value.Years);
        Assert.Equal(result.Value.Years, BuiltInCalendarDecisionSource.Instance.Load().Value.Years);
        Assert.Equal("ktxh-builtin 2020–2026", BuiltInCalendarDecisionSource.Instance.VersionId);
        WorkingCalendar reloaded = WorkingCalendar.CreateBuilder().WithoutDecisions().WithDecisions(result.Value).Build();
        Assert.Equal(WorkingCalendar.VietnamCivilService.DaysOff(2024), reloaded.DaysOff(2024));
    }

    private static string ExtractYear()
    {
        int start = Year2027.IndexOf("{\n      \"year\"", StringComparison.Ordinal);
        start = start < 0 ? Year2027.IndexOf("{", Year2027.IndexOf("\"years\"", StringComparison.Ordinal), StringComparison.Ordinal) : start;
        int end = Year2027.LastIndexOf(']');
        return Year2027[start..end].Trim();
    }
}
