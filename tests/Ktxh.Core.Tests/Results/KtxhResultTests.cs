using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Core.Tests.Results;

public enum SampleCode
{
    First = 1,
    Second = 2,
}

public enum OtherCode
{
    First = 1,
}

public class KtxhResultTests
{
    private static readonly KtxhError ErrorA = KtxhError.Create(SampleCode.First, ErrorLocation.AtLine(3, 2), "Lỗi A.", "Error A.");
    private static readonly KtxhError ErrorB = KtxhError.Create(SampleCode.Second, ErrorLocation.AtJsonPath("$.x"), "Lỗi B.", "Error B.");

    [Fact]
    public void A_success_gives_its_value_every_way()
    {
        KtxhResult<int> result = KtxhResult.ForValue(42);
        Assert.True(result.Success);
        Assert.Equal(42, result.Value);
        Assert.Equal(42, result.GetValueOrThrow());
        Assert.True(result.TryGetValue(out int v));
        Assert.Equal(42, v);
        Assert.Equal(42, result.GetValueOrDefault(-1));
        Assert.Empty(result.Errors);
        Assert.Throws<InvalidOperationException>(() => result.Exception);
        Assert.Throws<InvalidOperationException>(() => result.ConvertError<string>());
    }

    [Fact]
    public void A_failure_keeps_every_error_and_throws_one_exception_type_with_all_of_them()
    {
        KtxhResult<int> result = KtxhResult<int>.ForErrors([ErrorA, ErrorB]);
        Assert.False(result.Success);
        Assert.False(result.TryGetValue(out _));
        Assert.Equal(-1, result.GetValueOrDefault(-1));
        Assert.Equal([ErrorA, ErrorB], result.Errors);

        KtxhException fromValue = Assert.Throws<KtxhException>(() => result.Value);
        KtxhException fromGet = Assert.Throws<KtxhException>(() => result.GetValueOrThrow());
        Assert.IsAssignableFrom<FormatException>(fromValue);
        Assert.Equal(result.Errors, fromValue.Errors);
        Assert.Equal(result.Errors, fromGet.Errors);
        Assert.Equal(result.Errors, result.Exception.Errors);
        Assert.Contains("Error A.", fromValue.Message, StringComparison.Ordinal);
        Assert.Contains("Lỗi B.", fromValue.Message, StringComparison.Ordinal);
        Assert.Contains("dòng 3, cột 2 / line 3, column 2", fromValue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_errors_cannot_be_changed_through_a_cast()
    {
        KtxhResult<int> result = KtxhResult<int>.ForErrors([ErrorA]);
        Assert.False(result.Errors is KtxhError[]);
        Assert.Throws<NotSupportedException>(() => ((IList<KtxhError>)result.Errors)[0] = ErrorB);
    }

    [Fact]
    public void A_failure_needs_an_error()
    {
        Assert.Throws<ArgumentException>(() => KtxhResult<int>.ForErrors([]));
        Assert.Throws<ArgumentNullException>(() => KtxhResult<int>.ForError(null!));
        Assert.Throws<ArgumentNullException>(() => KtxhResult<int>.ForErrors([ErrorA, null!]));
    }

    [Fact]
    public void Convert_Then_and_ConvertError_pass_errors_along_unchanged()
    {
        KtxhResult<int> failure = KtxhResult<int>.ForErrors([ErrorA, ErrorB]);
        int calls = 0;
        Assert.Equal(failure.Errors, failure.Convert(x => { calls++; return x.ToString(); }).Errors);
        Assert.Equal(failure.Errors, failure.Then(x => { calls++; return KtxhResult.ForValue(x); }).Errors);
        Assert.Equal(failure.Errors, failure.ConvertError<DateTime>().Errors);
        Assert.Equal(0, calls);

        KtxhResult<int> success = KtxhResult.ForValue(20);
        Assert.Equal("20", success.Convert(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value);
        Assert.Equal(ErrorB, Assert.Single(success.Then(_ => KtxhResult<string>.ForError(ErrorB)).Errors));
    }

    [Fact]
    public void WithSource_names_the_input_in_every_location()
    {
        KtxhResult<int> named = KtxhResult<int>.ForErrors([ErrorA, ErrorB]).WithSource("v.csv");
        Assert.All(named.Errors, e => Assert.Equal("v.csv", e.Location.Source));
        Assert.Equal("v.csv, dòng 3, cột 2 / v.csv, line 3, column 2", named.Errors[0].Location.ToString());
        KtxhResult<int> success = KtxhResult.ForValue(1);
        Assert.Same(success, success.WithSource("v.csv"));
    }

    [Fact]
    public void FromErrorsOr_builds_only_without_errors()
    {
        Assert.Equal(7, KtxhResult.FromErrorsOr([], () => 7).Value);
        Assert.Equal(ErrorA, Assert.Single(KtxhResult.FromErrorsOr<int>([ErrorA], () => throw new InvalidOperationException("built")).Errors));
    }

    [Property]
    public Property A_result_holds_exactly_what_it_was_given(int value, PositiveInt errorCount, bool fail)
    {
        int n = Math.Min(errorCount.Get, 60);
        KtxhError[] errors = Enumerable.Range(0, n)
            .Select(i => KtxhError.Create(SampleCode.First, ErrorLocation.AtIndex(i), $"Lỗi {i}.", $"Error {i}."))
            .ToArray();
        KtxhResult<int> result = fail ? KtxhResult<int>.ForErrors(errors) : KtxhResult.ForValue(value);
        bool holds = fail
            ? !result.Success && result.Errors.SequenceEqual(errors) && Assert.Throws<KtxhException>(() => result.Value).Errors.SequenceEqual(errors)
            : result.Success && result.Value == value && result.Errors.Count == 0;
        return holds.ToProperty().Classify(fail, "failure").Classify(!fail, "success");
    }
}

public class KtxhErrorTests
{
    [Fact]
    public void An_enum_code_is_matched_by_type_and_value()
    {
        KtxhError error = KtxhError.Create(SampleCode.Second, ErrorLocation.None, "Sai.", "Wrong.");
        Assert.Equal("Second", error.Code);
        Assert.True(error.Is(SampleCode.Second));
        Assert.False(error.Is(SampleCode.First));
        Assert.False(error.Is(OtherCode.First)); // the same number in another package's enum is another code
        Assert.True(error.TryGetCode(out SampleCode code));
        Assert.Equal(SampleCode.Second, code);
        Assert.False(error.TryGetCode(out OtherCode _));
    }

    [Fact]
    public void A_text_code_has_no_enum_value()
    {
        var error = new KtxhError("custom.rule", ErrorLocation.AtField("value"), "Sai.", "Wrong.");
        Assert.Null(error.CodeValue);
        Assert.False(error.Is(SampleCode.First));
        Assert.Equal("trường 'value' / field 'value': [custom.rule] Sai. / Wrong.", error.ToString());
    }

    [Fact]
    public void Message_is_both_languages_and_ToString_adds_code_and_location()
    {
        KtxhError error = KtxhError.Create(SampleCode.First, ErrorLocation.AtJsonPath("$.a[2]"), "Mã trùng.", "Duplicate code.");
        Assert.Equal("Mã trùng. / Duplicate code.", error.Message);
        Assert.Equal("$.a[2]: [First] Mã trùng. / Duplicate code.", error.ToString());
        Assert.Equal("[First] Mã trùng. / Duplicate code.", (error with { Location = ErrorLocation.None }).ToString());
    }

    [Theory]
    [InlineData("", "en")]
    [InlineData("vi", " ")]
    public void Both_messages_are_required(string vi, string en)
        => Assert.Throws<ArgumentException>(() => KtxhError.Create(SampleCode.First, ErrorLocation.None, vi, en));
}

public class ErrorLocationTests
{
    public static TheoryData<ErrorLocation, string> Cases => new()
    {
        { ErrorLocation.None, "" },
        { ErrorLocation.AtJsonPath("$.indicators[12].unit"), "$.indicators[12].unit" },
        { ErrorLocation.AtLine(3), "dòng 3 / line 3" },
        { ErrorLocation.AtLine(3, 7), "dòng 3, cột 7 / line 3, column 7" },
        { ErrorLocation.AtPosition(0), "vị trí 0 / position 0" },
        { ErrorLocation.AtIndex(4), "mục 4 / item 4" },
        { ErrorLocation.AtField("unit"), "trường 'unit' / field 'unit'" },
        { ErrorLocation.AtCell("Biểu 01", "D12"), "'Biểu 01'!D12" },
        { ErrorLocation.AtCell("Data", "A1"), "Data!A1" },
        { ErrorLocation.AtCell("It's", "B2"), "'It''s'!B2" },
        { ErrorLocation.AtLine(2, 1).WithSource("v.csv").WithField("value"), "v.csv, dòng 2, cột 1, trường 'value' / v.csv, line 2, column 1, field 'value'" },
        { ErrorLocation.AtJsonPath("$.x").WithSource("c.json"), "c.json, $.x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_location_reads_in_both_languages(ErrorLocation location, string expected)
        => Assert.Equal(expected, location.ToString());

    [Fact]
    public void None_is_recognised_and_out_of_range_parts_are_refused()
    {
        Assert.True(ErrorLocation.None.IsNone);
        Assert.True(new ErrorLocation().IsNone);
        Assert.False(ErrorLocation.AtIndex(0).IsNone);
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorLocation.AtLine(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorLocation.AtLine(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorLocation.AtPosition(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorLocation.AtIndex(-1));
    }
}
