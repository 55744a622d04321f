using NodaTime;

namespace Ktxh.Indicators.Tests.ReportingUnits;

/// <summary>
/// The built-in directory is loaded at start-up without the builder's checks (the data is generated; a check per unit
/// and succession cost a CLI start a noticeable share of its time). These tests are where the checks run instead: the
/// embedded data, read through the validating path (<see cref="ReportingUnitDirectory.ReadCompact"/>, the validating
/// <see cref="ReportingUnit"/> constructor and <see cref="ReportingUnitDirectoryBuilder.BuildResult"/>), must give
/// exactly the units and successions of <see cref="ReportingUnitDirectory.Vietnam"/>, in the same order.
/// </summary>
public class BuiltInDirectoryTests
{
    private static readonly ReportingUnitDirectory Vn = ReportingUnitDirectory.Vietnam;

    private static ReportingUnitDirectory ReadValidated()
    {
        using Stream embedded = typeof(ReportingUnitDirectory).Assembly.GetManifestResourceStream("Ktxh.Indicators.Data.admin-units-vn.tsv")!;
        using var reader = new StreamReader(embedded);
        KtxhResult<ReportingUnitDirectory> plain = ReportingUnitDirectory.ReadCompact(reader);
        Assert.True(plain.Success, string.Join(Environment.NewLine, plain.Errors));
        KtxhResult<ReportingUnitDirectory> checkedBuild = plain.Value.ToBuilder().AddBuiltInAgencies().BuildResult();
        Assert.True(checkedBuild.Success, string.Join(Environment.NewLine, checkedBuild.Errors));
        return checkedBuild.Value;
    }

    [Fact]
    public void The_built_in_directory_passes_every_check_of_the_builder_and_equals_the_checked_build()
    {
        ReportingUnitDirectory validated = ReadValidated();

        // Record equality: code, names (NFC, white space collapsed), kind, parent, validity, commune type.
        Assert.Equal(validated.Units.Count, Vn.Units.Count);
        for (int i = 0; i < Vn.Units.Count; i++)
        {
            Assert.Equal(validated.Units[i], Vn.Units[i]);
        }

        Assert.Equal(validated.Successions.All.Count, Vn.Successions.All.Count);
        for (int i = 0; i < Vn.Successions.All.Count; i++)
        {
            Assert.Equal(validated.Successions.All[i], Vn.Successions.All[i]);
        }

        Assert.Equal(validated.ChangeDates, Vn.ChangeDates);
    }

    [Fact]
    public void Every_unit_of_the_built_in_directory_is_what_the_validating_constructor_makes_of_it()
    {
        Assert.All(Vn.Units, u => Assert.Equal(
            new ReportingUnit(u.Code, u.NameVi, u.Kind, u.ParentCode, u.ValidFrom, u.ValidTo, u.CommuneType, u.NameEn), u));
    }

    [Theory]
    [InlineData("2025-06-30", 63, 696, 10051)]
    [InlineData("2025-07-01", 34, 0, 3321)]
    public void The_trees_of_both_eras_are_the_same_as_the_checked_builds(string date, int provinces, int districts, int communes)
    {
        LocalDate day = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        AdministrativeHierarchy fast = Vn.AsOf(day);
        AdministrativeHierarchy slow = ReadValidated().AsOf(day);
        Assert.Equal(provinces, fast.Provinces.Count);
        Assert.Equal(districts, fast.Units.Count(u => u.Kind == ReportingUnitKind.District));
        Assert.Equal(communes, fast.Units.Count(u => u.Kind == ReportingUnitKind.Commune));
        Assert.Equal(slow.Units, fast.Units);
    }

    [Fact]
    public void The_agencies_of_every_province_are_the_agencies_of_the_built_in_catalogue_with_their_names()
    {
        // The directory reads builtin-agencies.tsv itself (it does not build the catalogue at start-up): same list.
        AdministrativeHierarchy h = Vn.AsOf(new LocalDate(2025, 2, 1));
        foreach (Agency agency in BuiltInCatalogue.Catalogue.Agencies)
        {
            Assert.All(h.Provinces, p =>
            {
                ReportingUnit unit = h.Get(p.Code + "." + agency.Code);
                Assert.Equal(agency.NameVi, unit.NameVi);
                Assert.Equal(agency.NameEn ?? agency.NameVi, unit.NameEn);
            });
        }
    }
}
