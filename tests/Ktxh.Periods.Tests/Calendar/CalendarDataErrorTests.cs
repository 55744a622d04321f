using Ktxh.Periods;

namespace Ktxh.Periods.Tests;

/// <summary>Calendar data errors are errors of the one result model: a code, a JSON path, both languages.</summary>
public sealed class CalendarDataErrorTests
{
    [Fact]
    public void Message_is_Vietnamese_then_English_and_located_at_the_JSON_path()
    {
        KtxhResult<CalendarDecisions> result = CalendarDecisions.Parse("{\"schemaVersion\":1}", "decisions.json");
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(CalendarDataErrorCode.Missing));
        Assert.Equal("$.years", error.Location.JsonPath);
        Assert.Equal("decisions.json", error.Location.Source);
        Assert.Equal(error.MessageVi + " / " + error.MessageEn, error.Message);
        Assert.Equal($"decisions.json, $.years: [Missing] {error.Message}", error.ToString());
    }

    [Fact]
    public void A_syntax_error_has_the_same_located_message_as_every_package()
    {
        const string json = "{\n  \"years\": [ }";
        KtxhResult<CalendarDecisions> result = CalendarDecisions.Parse(json);
        KtxhError error = Assert.Single(result.Errors);
        KtxhError expected = Assert.Single(LocatedJson.Parse(json).Errors);
        Assert.Equal(expected, error);
        Assert.True(error.Is(JsonReadErrorCode.InvalidJson));
        Assert.Equal(2, error.Location.Line);
        Assert.NotNull(error.Location.Column);
    }

    [Fact]
    public void A_property_named_twice_is_a_located_error()
    {
        KtxhResult<CalendarDecisions> result = CalendarDecisions.Parse("{\"schemaVersion\":1,\n\"schemaVersion\":1,\"years\":[]}");
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(JsonReadErrorCode.DuplicateProperty));
        Assert.Equal("$.schemaVersion", error.Location.JsonPath);
        Assert.Equal(2, error.Location.Line);
    }
}
