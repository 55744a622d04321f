using NodaTime;

namespace Ktxh.Indicators.Tests.ReportingUnits;

public class ReportingUnitBuilderTests
{
    private static readonly LocalDate Reform = new(2025, 7, 1);

    [Fact]
    public void Agencies_roll_up_under_their_province()
    {
        ReportingUnitDirectory d = ReportingUnitDirectory.Vietnam.ToBuilder()
            .AddAgency("01.IOC", "Trung tâm Điều hành thông minh Hà Nội", "01", Reform)
            .AddAgency("37.IOC", "Trung tâm Điều hành thông minh Ninh Bình", "37", Reform)
            .Build();
        AdministrativeHierarchy h = d.AsOf(new LocalDate(2025, 8, 1));
        Assert.Contains(h.AgenciesOf("01"), a => a.Code == "01.IOC");
        Assert.Equal(new[] { "01", "VN" }, h.AncestorsOf("01.IOC").Select(a => a.Code));
        Assert.Null(d.AsOf(Reform.PlusDays(-1)).Find("01.IOC"));
        Assert.Equal(3321, h.Units.Count(u => u.Kind == ReportingUnitKind.Commune));
        Assert.DoesNotContain(h.CommunesOf("01"), u => u.Kind == ReportingUnitKind.Agency);
        Assert.Null(ReportingUnitDirectory.Vietnam.AsOf(Reform).Find("01.IOC")); // the built-in directory is untouched
    }

    [Fact]
    public void Invalid_units_are_all_reported_and_nothing_is_built()
    {
        KtxhResult<ReportingUnitDirectory> r = ReportingUnitDirectory.Vietnam.ToBuilder()
            .AddAgency("X1", "Sở A", "99", Reform) // no province 99
            .AddAgency("X2", "Sở B", "00004", Reform) // under a commune
            .AddAgency("X3", "", "01", Reform) // no name
            .AddAgency("X4", "Sở D", "01", Reform, Reform) // empty validity
            .Add("00004", "Phường Trùng", ReportingUnitKind.Commune, "01", new LocalDate(2026, 1, 1), null, CommuneType.Phuong) // overlaps Ba Đình
            .AddAgency("X5", "Sở E", "24") // no start: before the reform, 24 was Bắc Giang... still a province: valid
            .BuildResult();
        Assert.False(r.Success);
        Assert.Throws<KtxhException>(() => r.Value);
        Assert.Contains(r.Errors, e => e.Location.Field?.StartsWith("X1", StringComparison.Ordinal) == true);
        Assert.Contains(r.Errors, e => e.Location.Field?.StartsWith("X2", StringComparison.Ordinal) == true);
        Assert.Contains(r.Errors, e => e.Location.Field?.StartsWith("X3", StringComparison.Ordinal) == true);
        Assert.Contains(r.Errors, e => e.Location.Field?.StartsWith("X4", StringComparison.Ordinal) == true);
        Assert.Contains(r.Errors, e => e.Location.Field?.StartsWith("00004@2026-01-01", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(r.Errors, e => e.Location.Field?.StartsWith("X5", StringComparison.Ordinal) == true);
        Assert.All(r.Errors, e => Assert.True(e.MessageVi.Length > 0 && e.MessageEn.Length > 0 && e.MessageVi != e.MessageEn));
    }

    [Fact]
    public void A_small_host_directory_with_its_own_succession()
    {
        var d = ReportingUnitDirectory.CreateBuilder()
            .Add("N", "Nước", ReportingUnitKind.Nation, null)
            .Add("P", "Tỉnh P", ReportingUnitKind.Province, "N")
            .Add("A", "Xã A", ReportingUnitKind.Commune, "P", null, Reform, CommuneType.Xa)
            .Add("B", "Xã B", ReportingUnitKind.Commune, "P", null, Reform, CommuneType.Xa)
            .Add("C", "Phường C", ReportingUnitKind.Commune, "P", Reform, null, CommuneType.Phuong)
            .AddSuccession(new Succession("A", ReportingUnitKind.Commune, "Xã A", "C", SuccessionKind.Merge, Reform, 1m, PartTransferScope.NotApplicable, "test"))
            .AddSuccession(new Succession("B", ReportingUnitKind.Commune, "Xã B", "C", SuccessionKind.PartTransfer, Reform, 0.5m, PartTransferScope.Unspecified, "test"))
            .Build();
        Assert.Equal(2, d.AsOf(Reform.PlusDays(-1)).CommunesOf("P").Count);
        AdditiveRemapResult r = d.Successions.RemapAdditive(new Dictionary<string, decimal> { ["A"] = 10m, ["B"] = 4m }, Reform);
        Assert.Equal(12m, r.Totals["C"]);
        Assert.Equal(2m, Assert.Single(r.Unallocated).Value); // the other half of B went nowhere recorded: flagged
    }

    [Fact]
    public void Unit_constructor_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => new ReportingUnit("", "X", ReportingUnitKind.Province, "VN"));
        Assert.Throws<ArgumentException>(() => new ReportingUnit("01", "X", ReportingUnitKind.Province, null));
        Assert.Throws<ArgumentException>(() => new ReportingUnit("00001", "X", ReportingUnitKind.Commune, "001"));
        Assert.Throws<ArgumentException>(() => new ReportingUnit("01", "X", ReportingUnitKind.Province, "VN", Reform, Reform));
        Assert.Equal("Phường Ba Đình", new ReportingUnit("00004", "  Phường\u00A0 Ba  Đi\u0300nh \n", ReportingUnitKind.Commune, "01", communeType: CommuneType.Phuong).NameVi);
    }
}

public class CompactFormatTests
{
    [Fact]
    public void Bad_lines_are_reported_with_their_line_and_nothing_is_built()
    {
        const string text = "# header\nO\t2025-07-01\nP\t01\tThành phố Hà Nội\nZ\tnonsense\nN\t2025-07-01\nP\t01\tThành phố Hà Nội\t01\nC\t00004\tPhường Ba Đình\t00004Q\n";
        KtxhResult<ReportingUnitDirectory> r = ReportingUnitDirectory.ReadCompact(new StringReader(text));
        Assert.False(r.Success);
        Assert.Throws<KtxhException>(() => r.Value);
        Assert.Contains(r.Errors, e => e.Location.Line == 4);
        Assert.Contains(r.Errors, e => e.Location.Line == 7 && e.MessageEn.Contains("00004Q", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_small_valid_file_round_trips_through_the_reader()
    {
        const string text = "O\t2025-07-01\nP\t35\tTỉnh Hà Nam\nD\t347\tThành phố Phủ Lý\nC\t13285\tPhường Lương Khánh Thiện\n"
            + "N\t2025-07-01\nP\t37\tTỉnh Ninh Bình\t35\nC\t13285\tPhường Phủ Lý\t13285W\n";
        ReportingUnitDirectory d = ReportingUnitDirectory.ReadCompact(new StringReader(text)).GetValueOrThrow();
        Assert.Equal(3, d.AsOf(new LocalDate(2025, 6, 30)).AdministrativeLevels);
        Assert.Equal("Phường Phủ Lý", d.Find("13285", new LocalDate(2025, 7, 1))!.NameVi);
        Assert.Equal(SuccessionKind.Merge, Assert.Single(d.Successions.ProvinceSuccessions).Kind);
        Assert.Equal(1m, Assert.Single(d.Successions.MapBackward("13285")).Share);
    }

    [Fact]
    public void An_old_commune_with_no_successor_is_flagged_in_a_remap()
    {
        AdditiveRemapResult r = ReportingUnitDirectory.Vietnam.Successions.RemapAdditive(
            new Dictionary<string, decimal> { ["03751"] = 5m, ["nope"] = 1m }, new LocalDate(2025, 7, 1));
        Assert.Empty(r.Totals);
        Assert.Equal(new[] { ("03751", 5m), ("nope", 1m) }, r.Unallocated.Select(u => (u.OldCode, u.Value)));
    }

    [Fact]
    public void Island_districts_had_no_communes_and_became_special_zones()
    {
        AdministrativeHierarchy before = ReportingUnitDirectory.Vietnam.AsOf(new LocalDate(2025, 6, 30));
        foreach ((string district, string zone) in new[] { ("318", "11948"), ("471", "19742"), ("498", "20333"), ("536", "21548"), ("755", "26732") })
        {
            Assert.Empty(before.ChildrenOf(district));
            ForwardMapping m = ReportingUnitDirectory.Vietnam.Successions.MapForward(district, new LocalDate(2025, 7, 1));
            Assert.Equal((zone, 1m), (Assert.Single(m.Targets).Code, m.Targets[0].Share!.Value));
            Assert.Equal(CommuneType.DacKhu, ReportingUnitDirectory.Vietnam.Find(zone, new LocalDate(2025, 7, 1))!.CommuneType);
        }
    }
}

public class ReportingUnitsRegistrationTests
{
    [Fact]
    public void Repeated_registrations_compose_the_hosts_agencies_into_one_directory()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddKtxhReportingUnits(o => o.Extend(b => b.AddAgency("79.CT", "Thuế Thành phố Hồ Chí Minh", "79", new LocalDate(2025, 7, 1))));
        services.AddKtxhReportingUnits();
        services.AddKtxhReportingUnits(o => o.Extend(b => b.AddAgency("01.CT", "Thuế Thành phố Hà Nội", "01", new LocalDate(2025, 7, 1))));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(
            services, new Microsoft.Extensions.DependencyInjection.ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var d = (ReportingUnitDirectory)provider.GetService(typeof(ReportingUnitDirectory))!;
        AdministrativeHierarchy h = d.AsOf(new LocalDate(2026, 1, 1));
        Assert.Equal("79", h.ParentOf("79.CT")!.Code); // the first call's extension
        Assert.Equal("01", h.ParentOf("01.CT")!.Code); // and the third's
        Assert.Single(services, s => s.ServiceType == typeof(ReportingUnitDirectory));
        Assert.Single(services, s => s.ServiceType == typeof(IAdministrativeUnitSource));
    }

    [Fact]
    public void A_source_the_host_registered_first_serves_the_directory()
    {
        using Stream embedded = typeof(ReportingUnitDirectory).Assembly.GetManifestResourceStream("Ktxh.Indicators.Data.admin-units-vn.tsv")!;
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IAdministrativeUnitSource>(
            services, new TsvAdministrativeUnitSource(embedded, "copy-1", "copy.tsv"));
        services.AddKtxhReportingUnits();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        Assert.Equal("copy-1", ((IAdministrativeUnitSource)provider.GetService(typeof(IAdministrativeUnitSource))!).VersionId);
        var d = (ReportingUnitDirectory)provider.GetService(typeof(ReportingUnitDirectory))!;
        Assert.NotSame(ReportingUnitDirectory.Vietnam, d); // read from the host's source, not the built-in instance
        // The compact file holds the administrative units; the built-in directory adds the catalogue's agencies.
        Assert.Equal(ReportingUnitDirectory.Vietnam.Units.Count(u => u.Kind != ReportingUnitKind.Agency), d.Units.Count);
    }

    [Fact]
    public void A_failing_source_throws_every_located_error_when_the_directory_is_resolved()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IAdministrativeUnitSource>(
            services, new TsvAdministrativeUnitSource("Z\tnot a line\nY\tnor this", "bad-1", "bad.tsv"));
        services.AddKtxhReportingUnits();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var e = Assert.Throws<KtxhException>(() => provider.GetService(typeof(ReportingUnitDirectory)));
        Assert.True(e.Errors.Count >= 2, string.Join("\n", e.Errors));
        Assert.All(e.Errors, x => Assert.Equal("bad.tsv", x.Location.Source));
        Assert.Contains(e.Errors, x => x.Location.Line == 2);
    }
}
