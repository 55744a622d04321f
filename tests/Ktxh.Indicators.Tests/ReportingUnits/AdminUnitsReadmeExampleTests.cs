using NodaTime;

namespace Ktxh.Indicators.Tests.ReportingUnits;

/// <summary>The README snippet of docs/admin-units.md, run: every value it states in a comment is checked.</summary>
public class AdminUnitsReadmeExampleTests
{
    [Fact]
    public void The_snippet_says_what_the_data_says()
    {
        ReportingUnitDirectory vn = ReportingUnitDirectory.Vietnam;
        AdministrativeHierarchy now = vn.AsOf(new LocalDate(2025, 7, 1));
        ReportingUnit baDinh = now.Get("00004");
        Assert.Equal(("Phường Ba Đình", ReportingUnitKind.Commune, CommuneType.Phuong), (baDinh.NameVi, baDinh.Kind, baDinh.CommuneType));
        Assert.Equal(new[] { "01 Thành phố Hà Nội", "VN Việt Nam" }, now.AncestorsOf("00004").Select(a => a.Code + " " + a.NameVi));
        Assert.Equal(129, now.CommunesOf("37").Count);
        Assert.Equal("00004", now.Search("ba dinh")[0].Code);
        Assert.Equal("Phường Trúc Bạch", vn.Find("00004", new LocalDate(2025, 6, 30))!.NameVi);
        Assert.Equal("00004@*", vn.Find("00004", new LocalDate(2025, 6, 30))!.Id.ToString());

        SuccessionMap map = vn.Successions;
        IReadOnlyList<Succession> preds = map.MapBackward("00004");
        Assert.Equal((10, 2, 8), (preds.Count, preds.Count(p => p.IsWhole), preds.Count(p => !p.IsWhole)));
        ForwardMapping m = map.MapForward("00016", new LocalDate(2025, 7, 1));
        Assert.Equal(new[] { "00004", "00008" }, m.Targets.Select(t => t.Code));
        Assert.True(m.HasUnknownShares);
        MappedTarget haNam = Assert.Single(map.MapForward("35", new LocalDate(2025, 7, 1)).Targets);
        Assert.Equal(("37", 1m), (haNam.Code, haNam.Share!.Value));

        var valuesByOldCommune = new Dictionary<string, decimal> { ["00013"] = 10m, ["00016"] = 5m };
        AdditiveRemapResult r = map.RemapAdditive(valuesByOldCommune, new LocalDate(2025, 7, 1));
        Assert.Equal(10m, r.Totals["00004"]);
        Assert.Equal("00016", Assert.Single(r.Unallocated).OldCode);
        SuccessionMap weighted = map.ApplyWeights(new SuccessionWeights()
            .Set("00016", "00004", 0.25m).Set("00016", "00008", 0.75m)).GetValueOrThrow();
        Assert.True(weighted.RemapAdditive(valuesByOldCommune, new LocalDate(2025, 7, 1)).IsComplete);

        Assert.Equal("Sở Tài chính", vn.AsOf(new LocalDate(2025, 7, 1)).Get("01.STC").NameVi);  // built in
        ReportingUnitDirectory mine = vn.ToBuilder()
            .AddAgency("01.IOC", "Trung tâm Điều hành thông minh", "01", validFrom: new LocalDate(2025, 7, 1))
            .Build();
        Assert.Contains(mine.AsOf(new LocalDate(2025, 7, 1)).AgenciesOf("01"), a => a.Code == "01.IOC");
    }
}
