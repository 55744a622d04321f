using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests;

/// <summary>The builder contract (issue 7 §1): <c>With…</c> and <c>Add…</c> chain on the same builder and never return
/// a result, <c>Build()</c> throws <see cref="KtxhException"/>, <c>BuildResult()</c> returns the result.</summary>
public class IndicatorCatalogueBuilderTests
{
    private static Indicator Population() => new()
    {
        Code = "POP", NameVi = "Dân số trung bình", MeasureUnitCode = "PERSON_K", Periods = [PeriodType.Year],
        ValueKind = ValueKind.Stock,
    };

    [Fact]
    public void Every_with_and_add_method_returns_the_same_builder()
    {
        var builder = new IndicatorCatalogueBuilder();
        Assert.Same(builder, builder.WithVersion("2026.1"));
        Assert.Same(builder, builder.WithComponentTolerance(0.5m));
        Assert.Same(builder, builder.WithMeasureUnits(MeasureUnitRegistry.Default));
        Assert.Same(builder, builder.WithMeasureUnits(null));
        Assert.Same(builder, builder.AddAgency(new Agency("CTK", "Cục Thống kê tỉnh")));
        Assert.Same(builder, builder.Add(Population()));
        Assert.Same(builder, builder.AddRange([]));
    }

    [Fact]
    public void The_built_catalogue_reflects_each_option()
    {
        IndicatorCatalogue catalogue = new IndicatorCatalogueBuilder()
            .WithVersion("  2026.1 ")
            .WithComponentTolerance(0.25m)
            .Add(Population())
            .Build();

        Assert.Equal("2026.1", catalogue.Version);
        Assert.Equal(0.25m, catalogue.ComponentTolerance);
        Assert.Equal(1, catalogue.Count);

        IndicatorCatalogue derived = catalogue.ToBuilder().Build();
        Assert.Equal("2026.1", derived.Version);
        Assert.Equal(0.25m, derived.ComponentTolerance);
    }

    [Fact]
    public void Defaults_are_version_1_tolerance_0_and_the_default_unit_registry()
    {
        var builder = new IndicatorCatalogueBuilder();
        Assert.Equal("1", builder.Version);
        Assert.Equal(0m, builder.ComponentTolerance);
        Assert.Same(MeasureUnitRegistry.Default, builder.MeasureUnits);
        IndicatorCatalogue empty = builder.Build();
        Assert.Equal("1", empty.Version);
        Assert.Equal(0m, empty.ComponentTolerance);
    }

    [Fact]
    public void Unit_codes_are_checked_against_the_registry_given_and_not_at_all_without_one()
    {
        MeasureUnitRegistry none = MeasureUnitRegistry.CreateBuilder().Build();
        KtxhResult<IndicatorCatalogue> strict = new IndicatorCatalogueBuilder().WithMeasureUnits(none).Add(Population()).BuildResult();
        KtxhError error = Assert.Single(strict.Errors);
        Assert.True(error.Is(CatalogueErrorCode.UnknownUnit));
        Assert.Equal("$.indicators[0].unit", error.Location.JsonPath);

        var builder = new IndicatorCatalogueBuilder().WithMeasureUnits(null).Add(Population());
        Assert.Null(builder.MeasureUnits);
        Assert.True(builder.BuildResult().Success);
        Assert.True(new IndicatorCatalogueBuilder().Add(Population()).BuildResult().Success);
    }

    [Fact]
    public void A_negative_tolerance_is_a_located_error_from_build_result_and_an_exception_from_build()
    {
        IndicatorCatalogueBuilder builder = new IndicatorCatalogueBuilder().WithComponentTolerance(-1m);
        KtxhError error = Assert.Single(builder.BuildResult().Errors);
        Assert.True(error.Is(CatalogueErrorCode.InvalidTolerance));
        Assert.Equal("$.componentTolerance", error.Location.JsonPath);
        KtxhException thrown = Assert.Throws<KtxhException>(() => builder.Build());
        Assert.Equal(builder.BuildResult().Errors, thrown.Errors);
    }

    [Fact]
    public void A_null_version_is_a_programmer_error()
    {
        Assert.Throws<ArgumentNullException>(() => new IndicatorCatalogueBuilder().WithVersion(null!));
    }

    [Property(MaxTest = 300)]
    public Property The_last_with_call_wins_and_the_catalogue_shows_it(NonNull<string> first, NonNull<string> version, decimal tolerance, bool checkUnits)
    {
        var builder = new IndicatorCatalogueBuilder();
        IndicatorCatalogueBuilder chained = builder
            .WithVersion(first.Get)
            .WithComponentTolerance(-tolerance)
            .WithVersion(version.Get)
            .WithComponentTolerance(tolerance)
            .WithMeasureUnits(checkUnits ? MeasureUnitRegistry.Default : null)
            .Add(Population());
        KtxhResult<IndicatorCatalogue> result = chained.BuildResult();

        bool holds = ReferenceEquals(builder, chained)
            && builder.Version == (VietnameseText.Normalize(version.Get) ?? string.Empty)
            && builder.ComponentTolerance == tolerance
            && (tolerance < 0
                ? !result.Success && result.Errors.All(e => e.Is(CatalogueErrorCode.InvalidTolerance))
                : result.Success && result.Value.Version == builder.Version && result.Value.ComponentTolerance == tolerance);
        return holds.Label($"version '{builder.Version}', tolerance {builder.ComponentTolerance}, errors: {string.Join("; ", result.Errors)}")
            .Classify(tolerance < 0, "negative tolerance")
            .Classify(tolerance == 0, "zero tolerance")
            .Classify(version.Get.Trim().Length == 0, "blank version");
    }

    public static TheoryData<Type> Builders => new()
    {
        typeof(IndicatorCatalogueBuilder),
        typeof(MeasureUnitRegistryBuilder),
        typeof(ReportingUnitDirectoryBuilder),
        typeof(WorkingCalendarBuilder),
    };

    [Theory]
    [MemberData(nameof(Builders))]
    public void Every_builder_follows_the_contract(Type builder)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        Assert.All(builder.GetProperties(Public), p => Assert.Null(p.GetSetMethod()));
        MethodInfo[] chaining = builder.GetMethods(Public)
            .Where(m => m.Name.StartsWith("With", StringComparison.Ordinal) || m.Name.StartsWith("Add", StringComparison.Ordinal) || m.Name == "Add")
            .ToArray();
        Assert.NotEmpty(chaining);
        Assert.All(chaining, m => Assert.True(m.ReturnType == builder, $"{builder.Name}.{m.Name} returns {m.ReturnType.Name}"));

        Type built = builder.GetMethod("Build", Type.EmptyTypes)!.ReturnType;
        Assert.Equal(typeof(KtxhResult<>).MakeGenericType(built), builder.GetMethod("BuildResult", Type.EmptyTypes)!.ReturnType);
    }
}
