using System.Globalization;

namespace Ktxh.Indicators.Tests.Units;

/// <summary>The built-in registry, unit by unit: name → code → dimension → scale → additivity.</summary>
public sealed class UnitTableTests
{
    // One row per built-in unit: code, Vietnamese name, canonical dimension (factors sorted by code), exact scale to
    // the base unit of the dimension (kg, m, s, đồng, USD, one counted item), additive.
    // Facts: tỷ = 10^9, triệu = 10^6, nghìn = 10^3; tạ = 100 kg; ha = 10,000 m²; km² = 10^6 m²; lít = 0.001 m³;
    // kWh = 3,600,000 J; tạ/ha = 100 kg / 10,000 m² = 0.01 kg/m².
    public static TheoryData<string, string, string, string, bool> Table { get; } = new()
    {
        { "VND", "Đồng", "VND", "1", true },
        { "VND_K", "Nghìn đồng", "VND", "1000", true },
        { "VND_M", "Triệu đồng", "VND", "1000000", true },
        { "VND_BN", "Tỷ đồng", "VND", "1000000000", true },
        { "VND_TN", "Nghìn tỷ đồng", "VND", "1000000000000", true },
        { "USD", "USD", "USD", "1", true },
        { "USD_K", "Nghìn USD", "USD", "1000", true },
        { "USD_M", "Triệu USD", "USD", "1000000", true },
        { "USD_BN", "Tỷ USD", "USD", "1000000000", true },
        { "G", "Gam", "MASS", "0.001", true },
        { "KG", "Kg", "MASS", "1", true },
        { "QUINTAL", "Tạ", "MASS", "100", true },
        { "TONNE", "Tấn", "MASS", "1000", true },
        { "TONNE_K", "Nghìn tấn", "MASS", "1000000", true },
        { "TONNE_M", "Triệu tấn", "MASS", "1000000000", true },
        { "METRE", "Mét", "LENGTH", "1", true },
        { "KM", "Km", "LENGTH", "1000", true },
        { "METRE_M", "Triệu mét", "LENGTH", "1000000", true },
        { "M2", "m2", "LENGTH^2", "1", true },
        { "M2_K", "Nghìn m2", "LENGTH^2", "1000", true },
        { "HA", "ha", "LENGTH^2", "10000", true },
        { "HA_K", "Nghìn ha", "LENGTH^2", "10000000", true },
        { "KM2", "km2", "LENGTH^2", "1000000", true },
        { "M3", "m3", "LENGTH^3", "1", true },
        { "M3_K", "Nghìn m3", "LENGTH^3", "1000", true },
        { "M3_M", "Triệu m3", "LENGTH^3", "1000000", true },
        { "LITRE", "Lít", "LENGTH^3", "0.001", true },
        { "LITRE_K", "Nghìn lít", "LENGTH^3", "1", true },
        { "LITRE_M", "Triệu lít", "LENGTH^3", "1000", true },
        { "KWH", "kWh", "LENGTH^2*MASS*TIME^-2", "3600000", true },
        { "KWH_K", "Nghìn kWh", "LENGTH^2*MASS*TIME^-2", "3600000000", true },
        { "KWH_M", "Triệu kWh", "LENGTH^2*MASS*TIME^-2", "3600000000000", true },
        { "MWH", "MWh", "LENGTH^2*MASS*TIME^-2", "3600000000", true },
        { "GWH", "GWh", "LENGTH^2*MASS*TIME^-2", "3600000000000", true },
        { "SECOND", "Giây", "TIME", "1", true },
        { "MINUTE", "Phút", "TIME", "60", true },
        { "HOUR", "Giờ", "TIME", "3600", true },
        { "DAY", "Ngày", "TIME", "86400", true },
        { "PCT", "%", "1", "0.01", false },
        { "PERMILLE", "‰", "1", "0.001", false },
        { "TIMES", "Lần", "1", "1", false },
        { "MALES_PER_100_FEMALES", "Nam/100 nữ", "1", "0.01", false },
        { "PERSON", "Người", "PERSON", "1", true },
        { "PERSON_K", "Nghìn người", "PERSON", "1000", true },
        { "PERSON_M", "Triệu người", "PERSON", "1000000", true },
        { "WORKER", "Lao động", "PERSON", "1", true },
        { "WORKER_K", "Nghìn lao động", "PERSON", "1000", true },
        { "HOUSEHOLD", "Hộ", "HOUSEHOLD", "1", true },
        { "HOUSEHOLD_K", "Nghìn hộ", "HOUSEHOLD", "1000", true },
        { "ENTERPRISE", "Doanh nghiệp", "ENTERPRISE", "1", true },
        { "ESTABLISHMENT", "Cơ sở", "ESTABLISHMENT", "1", true },
        { "PROJECT", "Dự án", "PROJECT", "1", true },
        { "VISIT", "Lượt", "VISIT", "1", true },
        { "VISIT_K", "Nghìn lượt", "VISIT", "1000", true },
        { "VISIT_M", "Triệu lượt", "VISIT", "1000000", true },
        { "PASSENGER", "Hành khách", "PASSENGER", "1", true },
        { "PASSENGER_K", "Nghìn HK", "PASSENGER", "1000", true },
        { "PASSENGER_KM", "HK.km", "LENGTH*PASSENGER", "1000", true },
        { "PASSENGER_KM_K", "Nghìn HK.km", "LENGTH*PASSENGER", "1000000", true },
        { "PASSENGER_KM_M", "Triệu HK.km", "LENGTH*PASSENGER", "1000000000", true },
        { "TONNE_KM", "Tấn.km", "LENGTH*MASS", "1000000", true },
        { "TONNE_KM_K", "Nghìn tấn.km", "LENGTH*MASS", "1000000000", true },
        { "TONNE_KM_M", "Triệu tấn.km", "LENGTH*MASS", "1000000000000", true },
        { "GUEST_NIGHT", "Đêm", "GUEST_NIGHT", "1", true },
        { "BED", "Giường", "BED", "1", true },
        { "ANIMAL", "Con", "ANIMAL", "1", true },
        { "ANIMAL_K", "Nghìn con", "ANIMAL", "1000", true },
        { "ANIMAL_M", "Triệu con", "ANIMAL", "1000000", true },
        { "CAI", "Cái", "ITEM", "1", true },
        { "CAI_K", "Nghìn cái", "ITEM", "1000", true },
        { "CHIEC", "Chiếc", "ITEM", "1", true },
        { "CHIEC_K", "Nghìn chiếc", "ITEM", "1000", true },
        { "QUA", "Quả", "ITEM", "1", true },
        { "QUA_K", "Nghìn quả", "ITEM", "1000", true },
        { "QUA_M", "Triệu quả", "ITEM", "1000000", true },
        { "PRODUCT", "Sản phẩm", "ITEM", "1", true },
        { "PRODUCT_K", "Nghìn sản phẩm", "ITEM", "1000", true },
        { "ROOM", "Phòng", "ROOM", "1", true },
        { "GUEST_ROOM", "Buồng", "ROOM", "1", true },
        { "SCHOOL", "Trường", "SCHOOL", "1", true },
        { "NURSERY", "Nhà trẻ", "SCHOOL", "1", true },
        { "CLASS", "Lớp", "CLASS", "1", true },
        { "CHILDCARE_GROUP", "Nhóm", "CLASS", "1", true },
        { "GROUP_OR_CLASS", "Nhóm/lớp", "CLASS", "1", true },
        { "CENTRE", "Trung tâm", "CENTRE", "1", true },
        { "PUPIL", "Học sinh", "PUPIL", "1", true },
        { "TEACHER", "Giáo viên", "TEACHER", "1", true },
        { "CHILD", "Trẻ", "CHILD", "1", true },
        { "LEARNER", "Học viên", "LEARNER", "1", true },
        { "DOCTOR", "Bác sỹ", "DOCTOR", "1", true },
        { "COMMUNE", "Xã", "COMMUNE", "1", true },
        { "DISTRICT", "Huyện", "DISTRICT", "1", true },
        { "INDUSTRIAL_ZONE", "Khu, cụm", "INDUSTRIAL_ZONE", "1", true },
        { "INCIDENT", "Vụ", "INCIDENT", "1", true },
        { "DOSSIER", "Hồ sơ", "DOSSIER", "1", true },
        { "ACCOUNT", "Tài khoản", "ACCOUNT", "1", true },
        { "LEVEL", "Mức độ", "LEVEL", "1", false },
        { "QUINTAL_PER_HA", "Tạ/ha", "LENGTH^-2*MASS", "0.01", false },
        { "TONNE_PER_HA", "Tấn/ha", "LENGTH^-2*MASS", "0.1", false },
        { "KG_PER_PERSON", "Kg/người", "MASS*PERSON^-1", "1", false },
        { "PERSON_PER_KM2", "Người/km2", "LENGTH^-2*PERSON", "0.000001", false },
        { "VND_K_PER_PERSON", "Nghìn đồng/người", "PERSON^-1*VND", "1000", false },
        { "VND_M_PER_PERSON", "Triệu đồng/người", "PERSON^-1*VND", "1000000", false },
        { "USD_PER_PERSON", "USD/người", "PERSON^-1*USD", "1", false },
        { "BED_PER_10K_PERSON", "Giường/vạn dân", "BED*PERSON^-1", "0.0001", false },
        { "DOCTOR_PER_10K_PERSON", "Bác sỹ/vạn dân", "DOCTOR*PERSON^-1", "0.0001", false },
        { "PER_100K_LIVE_BIRTHS", "Ca/100.000 trẻ đẻ sống", "CHILD^-1*PERSON", "0.00001", false },
        { "PUPIL_PER_TEACHER", "hs/gv", "PUPIL*TEACHER^-1", "1", false },
        { "PUPIL_PER_CLASS", "hs/lớp", "CLASS^-1*PUPIL", "1", false },
        { "TEACHER_PER_CLASS", "gv/lớp", "CLASS^-1*TEACHER", "1", false },
        { "TEACHER_PER_GROUP", "gv/nhóm", "CLASS^-1*TEACHER", "1", false },
        { "CHILD_PER_TEACHER", "trẻ/gv", "CHILD*TEACHER^-1", "1", false },
        { "CHILD_PER_CLASS", "trẻ/lớp", "CHILD*CLASS^-1", "1", false },
        { "CHILD_PER_GROUP", "trẻ/nhóm", "CHILD*CLASS^-1", "1", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_built_in_unit_has_its_name_dimension_and_scale(string code, string nameVi, string dimension, string scale, bool additive)
    {
        MeasureUnit unit = MeasureUnitRegistry.Default.Get(code);
        Assert.Equal(nameVi, unit.NameVi);
        Assert.Equal(dimension, unit.Dimension.ToString());
        Assert.Equal(decimal.Parse(scale, CultureInfo.InvariantCulture), unit.Scale);
        Assert.Equal(additive, unit.IsAdditive);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_built_in_unit_resolves_from_its_name_and_its_code(string code, string nameVi, string dimension, string scale, bool additive)
    {
        _ = (dimension, scale, additive);
        Assert.Equal(code, MeasureUnitRegistry.Default.Resolve(nameVi).Value.Code);
        Assert.Equal(code, MeasureUnitRegistry.Default.Resolve(code).Value.Code);
        Assert.Equal(code, MeasureUnitRegistry.Default.Resolve(code.ToLowerInvariant()).Value.Code);
    }

    [Fact]
    public void The_table_lists_every_built_in_unit_and_nothing_else()
    {
        var codes = Table.Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(codes.Order(StringComparer.Ordinal), MeasureUnitRegistry.Default.Units.Select(u => u.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_follow_the_documented_scheme()
    {
        foreach (MeasureUnit u in MeasureUnitRegistry.Default.Units)
        {
            Assert.Matches("^[A-Z][A-Z0-9_]*$", u.Code);
        }
    }

    [Theory]
    [InlineData("VND", "VND_K", "VND_M", "VND_BN", "VND_TN")]
    [InlineData("USD", "USD_K", "USD_M", "USD_BN", null)]
    [InlineData("PERSON", "PERSON_K", "PERSON_M", null, null)]
    [InlineData("TONNE", "TONNE_K", "TONNE_M", null, null)]
    [InlineData("ANIMAL", "ANIMAL_K", "ANIMAL_M", null, null)]
    public void Multiplier_suffixes_mean_powers_of_a_thousand(string one, string k, string m, string? bn, string? tn)
    {
        MeasureUnitRegistry r = MeasureUnitRegistry.Default;
        decimal b = r.Get(one).Scale;
        Assert.Equal(b * 1000m, r.Get(k).Scale);
        Assert.Equal(b * 1000000m, r.Get(m).Scale);
        if (bn is not null)
        {
            Assert.Equal(b * 1000000000m, r.Get(bn).Scale);
        }

        if (tn is not null)
        {
            Assert.Equal(b * 1000000000000m, r.Get(tn).Scale);
        }
    }
}
