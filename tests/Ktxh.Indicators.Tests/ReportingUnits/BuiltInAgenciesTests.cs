using NodaTime;

namespace Ktxh.Indicators.Tests.ReportingUnits;

/// <summary>Issue 9 §2: the catalogue's reporting agencies are built in as units of every province, with the 2025
/// restructuring of the provincial departments (Nghị định 45/2025/NĐ-CP) and the province changes as successions.</summary>
public class BuiltInAgenciesTests
{
    private static readonly ReportingUnitDirectory Vn = ReportingUnitDirectory.Vietnam;
    private static readonly LocalDate Departments = new(2025, 3, 1);
    private static readonly LocalDate Reform = new(2025, 7, 1);

    [Theory]
    [InlineData("2025-02-28", 63, 20)] // the 17 of the catalogue, Nội vụ, Khoa học và Công nghệ, Thông tin và Truyền thông
    [InlineData("2025-03-01", 63, 15)] // 6 departments merged away, Nông nghiệp và Môi trường created
    [InlineData("2025-06-30", 63, 15)]
    [InlineData("2025-07-01", 34, 15)]
    [InlineData("2030-01-01", 34, 15)]
    public void Every_province_has_the_agencies_in_force(string date, int provinces, int perProvince)
    {
        AdministrativeHierarchy h = Vn.AsOf(LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(provinces, h.Provinces.Count);
        Assert.All(h.Provinces, p => Assert.Equal(perProvince, h.AgenciesOf(p.Code).Count));
        Assert.All(h.Units.Where(u => u.Kind == ReportingUnitKind.Agency), a =>
        {
            Assert.StartsWith(a.ParentCode + ".", a.Code, StringComparison.Ordinal); // {province}.{agency}
            Assert.Equal(new[] { a.ParentCode, "VN" }, h.AncestorsOf(a.Code).Select(u => u.Code));
        });
    }

    [Fact]
    public void Every_agency_of_the_catalogue_reports_in_every_province()
    {
        AdministrativeHierarchy h = Vn.AsOf(new LocalDate(2025, 2, 1));
        foreach (Agency agency in BuiltInCatalogue.Catalogue.Agencies)
        {
            Assert.All(h.Provinces, p => Assert.Equal(agency.NameVi, h.Get(p.Code + "." + agency.Code).NameVi));
        }
    }

    /// <summary>The restructuring (Nghị định 45/2025/NĐ-CP), one line per succession, in Hà Nội.</summary>
    [Theory]
    [InlineData("01.SKH", "01.STC", "Merge", "1")]
    [InlineData("01.SGT", "01.SXD", "Merge", "1")]
    [InlineData("01.SNN", "01.SNNMT", "Merge", "1")]
    [InlineData("01.STN", "01.SNNMT", "Merge", "1")]
    [InlineData("01.SLD", "01.SNV", "PartTransfer", "")]
    [InlineData("01.SLD", "01.SYT", "PartTransfer", "")]
    [InlineData("01.SLD", "01.SGD", "PartTransfer", "")]
    [InlineData("01.SLD", "01.SNNMT", "PartTransfer", "")]
    [InlineData("01.STT", "01.SKHCN", "PartTransfer", "")]
    [InlineData("01.STT", "01.SVH", "PartTransfer", "")]
    public void The_2025_department_mergers_are_successions(string from, string to, string kind, string share)
    {
        Succession s = Assert.Single(Vn.Successions.From(from), x => x.ToCode == to && x.EffectiveDate == Departments);
        Assert.Equal(kind, s.Kind.ToString());
        Assert.Equal(share.Length == 0 ? null : decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), s.Share);
        Assert.Contains("45/2025/NĐ-CP", s.Source, StringComparison.Ordinal);
        Assert.Null(Vn.Find(from, Departments));
        Assert.NotNull(Vn.Find(from, Departments.PlusDays(-1)));
        Assert.NotNull(Vn.Find(to, Departments));
    }

    [Theory]
    [InlineData("27.SKH", "2025-07-01", "24.STC")] // old Bắc Ninh's planning department → Sở Tài chính of new Bắc Ninh (24)
    [InlineData("24.STC", "2025-07-01", "24.STC")] // old Bắc Giang's → new Bắc Ninh's
    [InlineData("01.SNN", "2026-01-01", "01.SNNMT")]
    [InlineData("35.CTK", "2025-07-01", "37.CTK")] // Hà Nam → Ninh Bình
    public void An_agency_follows_its_province(string from, string asOf, string to)
    {
        ForwardMapping m = Vn.Successions.MapForward(from, LocalDate.FromDateTime(DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
        MappedTarget t = Assert.Single(m.Targets);
        Assert.Equal(to, t.Code);
        Assert.Equal(1m, t.Share);
    }

    [Fact]
    public void A_split_department_is_flagged_not_guessed()
    {
        ForwardMapping m = Vn.Successions.MapForward("01.SLD", Reform);
        Assert.True(m.HasUnknownShares);
        Assert.Equal(new[] { "01.SGD", "01.SNNMT", "01.SNV", "01.SYT" }, m.Targets.Select(t => t.Code));
    }

    [Fact]
    public void A_directory_read_from_a_host_file_has_no_agencies_until_the_host_adds_them()
    {
        using Stream embedded = typeof(ReportingUnitDirectory).Assembly.GetManifestResourceStream("Ktxh.Indicators.Data.admin-units-vn.tsv")!;
        using var reader = new StreamReader(embedded);
        ReportingUnitDirectory plain = ReportingUnitDirectory.ReadCompact(reader).Value;
        Assert.DoesNotContain(plain.AsOf(Reform).Units, u => u.Kind == ReportingUnitKind.Agency);
        ReportingUnitDirectory withAgencies = plain.ToBuilder().AddBuiltInAgencies().Build();
        Assert.Equal(Vn.Units.Count, withAgencies.Units.Count);
        Assert.Equal(Vn.Successions.All.Count, withAgencies.Successions.All.Count);
    }
}
