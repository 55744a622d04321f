using Ktxh.Indicators;
using NodaTime;

namespace Ktxh.Indicators.Tests;

/// <summary>
/// Lookups with unknown, blank or null codes: a Find/list lookup answers "nothing"; a Get throws the documented
/// <see cref="KeyNotFoundException"/> (unknown) or <see cref="ArgumentNullException"/> (null), never a
/// <see cref="NullReferenceException"/>.
/// </summary>
public sealed class UnknownCodeTests
{
    public static TheoryData<string?> Codes() => new() { null, "", " ", "NOPE", "\0", "Hà Nội", new string('9', 5000) };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Catalogue_lookups(string? code)
    {
        IndicatorCatalogue c = IndicatorCatalogue.BuiltIn;
        Check(code, () => Assert.False(c.Contains(code!)));
        Check(code, () => Assert.Null(c.Find(code!)));
        Check(code, () => Assert.Empty(c.ByAgency(code!)));
        Check(code, () => Assert.Empty(c.ChildrenOf(code!)));
        Check(code, () => Assert.Empty(c.ComponentsOf(code!)));
        Check(code, () => Assert.Empty(c.OfWhichOf(code!)));
        Check(code, () => Assert.Null(c.ParentOf(code!)));
        Check(code, () => Assert.Empty(c.ByForm(code!)));
        Check(code, () => Assert.Empty(c.FormsContaining(code!)));
        CheckGet(code, () => c.Get(code!));
        CheckGet(code, () => c.GetForm(code!));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Reporting_unit_lookups(string? code)
    {
        ReportingUnitDirectory d = ReportingUnitDirectory.Vietnam;
        AdministrativeHierarchy h = d.AsOf(new LocalDate(2026, 1, 1));
        Check(code, () => Assert.Empty(d.VersionsOf(code!)));
        Check(code, () => Assert.Null(h.Find(code)));
        Check(code, () => Assert.Empty(h.ChildrenOf(code!)));
        Check(code, () => Assert.Null(h.ParentOf(code!)));
        Check(code, () => Assert.Empty(h.AncestorsOf(code!)));
        Check(code, () => Assert.Null(h.ProvinceOf(code!)));
        Check(code, () => Assert.Empty(h.CommunesOf(code!)));
        Check(code, () => Assert.Empty(h.AgenciesOf(code!)));
        Check(code, () => Assert.Empty(h.DescendantsOf(code!)));
        Check(code, () => Assert.Empty(d.Successions.From(code!)));
        Check(code, () => Assert.Empty(d.Successions.MapBackward(code!)));
        CheckGet(code, () => h.Get(code!));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Unit_lookups(string? code)
    {
        MeasureUnitRegistry u = MeasureUnitRegistry.Default;
        Check(code, () => Assert.False(u.Resolve(code).Success));
        CheckGet(code, () => u.Get(code!));
    }

    // A lookup may answer "nothing", or reject null with ArgumentNullException; nothing else.
    private static void Check(string? code, Action lookup)
    {
        try
        {
            lookup();
        }
        catch (ArgumentNullException) when (code is null)
        {
        }
    }

    private static void CheckGet(string? code, Func<object> get)
    {
        Exception e = Assert.ThrowsAny<Exception>(() => get());
        Assert.True(e is KeyNotFoundException or ArgumentException, $"'{code}': {e.GetType().Name}: {e.Message}");
        if (e is KeyNotFoundException)
        {
            Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
        }
    }
}
