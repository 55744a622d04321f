using NodaTime;

namespace Ktxh.Indicators.Tests.ReportingUnits;

public class ReportingUnitDirectoryTests
{
    private static readonly ReportingUnitDirectory Vn = ReportingUnitDirectory.Vietnam;
    private static readonly LocalDate Before = new(2025, 6, 30);
    private static readonly LocalDate Reform = new(2025, 7, 1);

    [Theory]
    [InlineData("2025-06-30", 63, 696, 10051, 3)]
    [InlineData("2020-01-01", 63, 696, 10051, 3)]
    [InlineData("2025-07-01", 34, 0, 3321, 2)]
    [InlineData("2030-12-31", 34, 0, 3321, 2)]
    public void Counts_per_era(string date, int provinces, int districts, int communes, int levels)
    {
        AdministrativeHierarchy h = Vn.AsOf(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);
        Assert.Equal(provinces, h.Provinces.Count);
        Assert.Equal(districts, h.Units.Count(u => u.Kind == ReportingUnitKind.District));
        Assert.Equal(communes, h.Units.Count(u => u.Kind == ReportingUnitKind.Commune));
        Assert.Equal(levels, h.AdministrativeLevels);
        Assert.Equal("VN", h.Nation!.Code);
    }

    [Theory]
    [InlineData("2025-06-30", CommuneType.Xa, 7717)]
    [InlineData("2025-06-30", CommuneType.Phuong, 1716)]
    [InlineData("2025-06-30", CommuneType.ThiTran, 618)]
    [InlineData("2025-06-30", CommuneType.DacKhu, 0)]
    [InlineData("2025-07-01", CommuneType.Xa, 2621)]
    [InlineData("2025-07-01", CommuneType.Phuong, 687)]
    [InlineData("2025-07-01", CommuneType.ThiTran, 0)]
    [InlineData("2025-07-01", CommuneType.DacKhu, 13)]
    public void Commune_types_per_era(string date, CommuneType type, int count)
    {
        AdministrativeHierarchy h = Vn.AsOf(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);
        Assert.Equal(count, h.Units.Count(u => u.CommuneType == type));
    }

    [Fact]
    public void The_era_changes_exactly_on_the_reform_day()
    {
        // 1 March 2025: the provincial departments were restructured (Nghị định 45/2025/NĐ-CP); only agencies change.
        LocalDate departments = new(2025, 3, 1);
        Assert.Same(Vn.AsOf(new LocalDate(1990, 1, 1)), Vn.AsOf(departments.PlusDays(-1)));
        Assert.NotSame(Vn.AsOf(departments.PlusDays(-1)), Vn.AsOf(departments));
        Assert.Equal(
            Vn.AsOf(departments.PlusDays(-1)).Units.Where(u => u.Kind != ReportingUnitKind.Agency).Select(u => u.Id),
            Vn.AsOf(departments).Units.Where(u => u.Kind != ReportingUnitKind.Agency).Select(u => u.Id));
        Assert.Same(Vn.AsOf(departments), Vn.AsOf(Before));
        Assert.NotSame(Vn.AsOf(Before), Vn.AsOf(Reform));
        Assert.Equal(Reform, Vn.AsOf(Before).ValidTo);
        Assert.Equal(Reform, Vn.AsOf(Reform).ValidFrom);
        Assert.Null(Vn.AsOf(Reform).ValidTo);
        Assert.Equal(new[] { departments, Reform }, Vn.ChangeDates);
    }

    [Fact]
    public void Same_code_before_and_after_is_two_versions()
    {
        IReadOnlyList<ReportingUnit> versions = Vn.VersionsOf("00004");
        Assert.Equal(2, versions.Count);
        Assert.Equal("Phường Trúc Bạch", Vn.Find("00004", Before)!.NameVi);
        Assert.Equal("Phường Ba Đình", Vn.Find("00004", Reform)!.NameVi);
        Assert.Equal("001", Vn.Find("00004", Before)!.ParentCode);
        Assert.Equal("01", Vn.Find("00004", Reform)!.ParentCode);
        Assert.NotEqual(versions[0].Id, versions[1].Id);
        Assert.Equal("00004@*", versions[0].Id.ToString());
        Assert.Equal("00004@2025-07-01", versions[1].Id.ToString());
        Assert.Same(versions[1], Vn.Find(ReportingUnitId.Parse("00004@2025-07-01")));
        Assert.Same(versions[0], Vn.Find(ReportingUnitId.Parse("00004@*")));
    }

    [Theory]
    [InlineData("00004")]
    [InlineData("@2025-07-01")]
    [InlineData("00004@2025-13-01")]
    [InlineData("")]
    public void A_bad_unit_identity_is_an_error_and_Parse_throws_it(string text)
    {
        KtxhError error = Assert.Single(ReportingUnitId.ParseWithResult(text).Errors);
        Assert.True(error.Is(ReportingUnitsErrorCode.InvalidUnit));
        Assert.Contains("code@yyyy-MM-dd", error.MessageEn, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Single(Assert.Throws<KtxhException>(() => ReportingUnitId.Parse(text)).Errors));
    }

    [Theory]
    [InlineData("24", "2025-06-30", "Tỉnh Bắc Giang")]
    [InlineData("24", "2025-07-01", "Tỉnh Bắc Ninh")]
    [InlineData("27", "2025-06-30", "Tỉnh Bắc Ninh")]
    [InlineData("37", "2025-07-01", "Tỉnh Ninh Bình")]
    [InlineData("79", "2025-07-01", "Thành phố Hồ Chí Minh")]
    [InlineData("001", "2025-06-30", "Quận Ba Đình")]
    [InlineData("11948", "2025-07-01", "Đặc khu Bạch Long Vĩ")]
    [InlineData("26732", "2025-07-01", "Đặc khu Côn Đảo")]
    public void Names_by_code_and_date(string code, string date, string name)
    {
        Assert.Equal(name, Vn.Find(code, NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value)!.NameVi);
    }

    [Theory]
    [InlineData("27", "2025-07-01")]
    [InlineData("001", "2025-07-01")]
    [InlineData("11948", "2025-06-30")]
    public void Codes_absent_in_an_era(string code, string date)
    {
        Assert.Null(Vn.AsOf(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value).Find(code));
    }

    [Fact]
    public void Every_unit_has_one_chain_to_the_nation_in_both_eras()
    {
        foreach (LocalDate day in new[] { Before, Reform })
        {
            AdministrativeHierarchy h = Vn.AsOf(day);
            foreach (ReportingUnit u in h.Units)
            {
                IReadOnlyList<ReportingUnit> chain = h.AncestorsOf(u.Code);
                if (u.Kind == ReportingUnitKind.Nation)
                {
                    Assert.Empty(chain);
                    continue;
                }

                Assert.Equal(ReportingUnitKind.Nation, chain[^1].Kind);
                Assert.Equal(chain.Count, chain.Select(a => a.Code).Distinct().Count());
                Assert.Contains(h.ChildrenOf(u.ParentCode!), c => ReferenceEquals(c, u));
                int expectedDepth = u.Kind switch
                {
                    ReportingUnitKind.Province => 1,
                    ReportingUnitKind.District or ReportingUnitKind.Agency => 2,
                    _ => h.HasDistricts ? 3 : 2,
                };
                Assert.Equal(expectedDepth, chain.Count);
            }

            // The children lists partition the tree: every unit but the root is somebody's child exactly once.
            Assert.Equal(h.Count - 1, h.Units.Sum(u => h.ChildrenOf(u.Code).Count));
        }
    }

    [Fact]
    public void Communes_of_a_province_through_districts_and_without()
    {
        Assert.Equal(Vn.AsOf(Before).Units.Count(u => u.Kind == ReportingUnitKind.Commune),
            Vn.AsOf(Before).Provinces.Sum(p => Vn.AsOf(Before).CommunesOf(p.Code).Count));
        Assert.Equal(3321, Vn.AsOf(Reform).Provinces.Sum(p => Vn.AsOf(Reform).CommunesOf(p.Code).Count));
        Assert.Contains(Vn.AsOf(Before).CommunesOf("01"), c => c.Code == "00004" && c.NameVi == "Phường Trúc Bạch");
        Assert.Contains(Vn.AsOf(Reform).CommunesOf("01"), c => c.Code == "00004" && c.NameVi == "Phường Ba Đình");
        Assert.Equal("01", Vn.AsOf(Before).ProvinceOf("00004")!.Code);
    }

    [Theory]
    [InlineData("ba dinh", "2025-07-01", null, "00004")]
    [InlineData("BA ĐÌNH", "2025-06-30", ReportingUnitKind.District, "001")]
    [InlineData("ninh binh", "2025-07-01", ReportingUnitKind.Province, "37")]
    [InlineData("ho chi minh", "2025-07-01", ReportingUnitKind.Province, "79")]
    [InlineData("dac khu con dao", "2025-07-01", null, "26732")]
    public void Search_ignores_diacritics_and_case(string text, string date, ReportingUnitKind? kind, string firstCode)
    {
        IReadOnlyList<ReportingUnit> hits = Vn.AsOf(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value).Search(text, kind);
        Assert.NotEmpty(hits);
        Assert.Equal(firstCode, hits[0].Code);
    }

    [Fact]
    public void The_built_in_directory_is_one_instance_across_threads()
    {
        ReportingUnitDirectory[] seen = new ReportingUnitDirectory[8];
        Parallel.For(0, seen.Length, i => seen[i] = ReportingUnitDirectory.Vietnam);
        Assert.All(seen, d => Assert.Same(seen[0], d));
    }

    [Fact]
    public void Names_are_nfc_and_trimmed()
    {
        Assert.All(Vn.Units, u =>
        {
            Assert.True(u.NameVi.IsNormalized(System.Text.NormalizationForm.FormC));
            Assert.Equal(u.NameVi.Trim(), u.NameVi);
            Assert.DoesNotContain("  ", u.NameVi, StringComparison.Ordinal);
        });
    }
}
