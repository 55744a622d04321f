namespace Ktxh.Indicators.Tests.Units;

/// <summary>
/// Every unit text of the indicator list of seed 004 (Hà Nam IOC plan, appendix II "Danh mục các chỉ tiêu cập nhật về
/// Trung tâm Giám sát, điều hành thông minh tỉnh Hà Nam") resolves through <see cref="UnitRegistry.Default"/>.
/// </summary>
public sealed class Seed004UnitCoverageTests
{
    // The distinct texts of the "Đơn vị tính" column of seed 004 (Hà Nam IOC indicator list, 004-ha-nam-ioc-indicator-list.txt)
    // (lines 555–1747), verbatim as printed (case and OCR spelling kept), with the code each one must resolve to.
    // Collected by reading every row of the appendix; "Doanh\nnghiệp" is how the OCR broke "Doanh nghiệp" over two
    // lines in the narrow column (8 rows of Sở KH&ĐT and Cục Thuế).
    public static TheoryData<string, string> UnitColumn { get; } = new()
    {
        { "Nghìn người", "PERSON_K" },
        { "%", "PCT" },
        { "Tỷ đồng", "VND_BN" },
        { "Tấn", "TONNE" },
        { "Nghìn quả", "QUA_K" },
        { "Nghìn tấn", "TONNE_K" },
        { "ha", "HA" },
        { "1000 m3", "M3_K" },
        { "1000 lít", "LITRE_K" },
        { "Triệu lít", "LITRE_M" },
        { "1000 m2", "M2_K" },
        { "1000 cái", "CAI_K" },
        { "1000 tấn", "TONNE_K" },
        { "1000 sp", "PRODUCT_K" },
        { "Triệu mét", "METRE_M" },
        { "1000c", "CHIEC_K" },
        { "Triệu đồng", "VND_M" },
        { "Nghìn ha", "HA_K" },
        { "Tạ/ha", "QUINTAL_PER_HA" },
        { "Nghìn con", "ANIMAL_K" },
        { "m3", "M3" },
        { "Nghìn m3", "M3_K" },
        { "Huyện", "DISTRICT" },
        { "Xã", "COMMUNE" },
        { "Người", "PERSON" },
        { "Hộ", "HOUSEHOLD" },
        { "trẻ", "CHILD" },
        { "Giường", "BED" },
        { "Bác sỹ", "DOCTOR" },
        { "trường", "SCHOOL" },
        { "nhà trẻ", "NURSERY" },
        { "nhóm/lớp", "GROUP_OR_CLASS" },
        { "nhóm", "CHILDCARE_GROUP" },
        { "lớp", "CLASS" },
        { "người", "PERSON" },
        { "phòng", "ROOM" },
        { "trẻ/nhóm", "CHILD_PER_GROUP" },
        { "gv/nhóm", "TEACHER_PER_GROUP" },
        { "trẻ/gv", "CHILD_PER_TEACHER" },
        { "trẻ/lớp", "CHILD_PER_CLASS" },
        { "gv/lớp", "TEACHER_PER_CLASS" },
        { "hs/gv", "PUPIL_PER_TEACHER" },
        { "hs/lớp", "PUPIL_PER_CLASS" },
        { "Mức độ", "LEVEL" },
        { "trung tâm", "CENTRE" },
        { "học viên", "LEARNER" },
        { "Khu, cụm", "INDUSTRIAL_ZONE" },
        { "Doanh nghiệp", "ENTERPRISE" },
        { "Doanh\nnghiệp", "ENTERPRISE" },
        { "Doanh \nnghiệp ", "ENTERPRISE" },
        { "Dự án", "PROJECT" },
        { "Triệu USD", "USD_M" },
        { "Nghìn lượt", "VISIT_K" },
        { "Cơ sở", "ESTABLISHMENT" },
        { "Phòng", "ROOM" },
        { "Buồng", "GUEST_ROOM" },
        { "Lượt", "VISIT" },
        { "Đêm", "GUEST_NIGHT" },
        { "Vụ", "INCIDENT" },
        { "Hồ sơ", "DOSSIER" },
        { "Tài khoản", "ACCOUNT" },
    };

    // Units printed inside indicator names of the same appendix where the unit column is empty or says something
    // coarser (transport volumes of the Cục Thống kê block; livestock output; egg output; health ratios).
    public static TheoryData<string, string> UnitsInsideNames { get; } = new()
    {
        { "(tấn)", "TONNE" },
        { "(nghìn quả)", "QUA_K" },
        { "(Nghìn HK)", "PASSENGER_K" },
        { "(Nghìn lượt HK.km)", "PASSENGER_KM_K" },
        { "(Nghìn tấn)", "TONNE_K" },
        { "(Nghìn tấn.km)", "TONNE_KM_K" },
        { "(nam/100 nữ)", "MALES_PER_100_FEMALES" },
        { "giường bệnh/vạn dân", "BED_PER_10K_PERSON" },
        { "người/100.000 trẻ đẻ sống", "PER_100K_LIVE_BIRTHS" },
    };

    [Theory]
    [MemberData(nameof(UnitColumn))]
    public void Every_unit_text_of_the_seed_004_appendix_resolves(string text, string code)
    {
        UnitResult<UnitOfMeasure> result = UnitRegistry.Default.Resolve(text);
        Assert.True(result.Success, result.ToString());
        Assert.Equal(code, result.Value.Code);
    }

    [Theory]
    [MemberData(nameof(UnitsInsideNames))]
    public void Units_printed_inside_seed_004_indicator_names_resolve(string text, string code)
    {
        Assert.True(UnitRegistry.Default.TryResolve(text, out UnitOfMeasure? unit), text);
        Assert.Equal(code, unit.Code);
    }

    [Theory]
    [MemberData(nameof(UnitColumn))]
    public void Seed_004_texts_resolve_in_upper_case_and_with_stray_spaces(string text, string code)
    {
        Assert.Equal(code, UnitRegistry.Default.Resolve("  " + text.ToUpperInvariant() + " \t").Value.Code);
    }

    [Theory]
    [MemberData(nameof(UnitColumn))]
    public void Seed_004_texts_resolve_when_given_decomposed_unicode(string text, string code)
    {
        Assert.Equal(code, UnitRegistry.Default.Resolve(text.Normalize(System.Text.NormalizationForm.FormD)).Value.Code);
    }

    [Fact]
    public void Seed_004_yield_and_money_units_have_the_dimensions_aggregation_relies_on()
    {
        UnitRegistry r = UnitRegistry.Default;
        Assert.Equal(Dimension.Mass / Dimension.Area, r.Parse("Tạ/ha").Dimension);
        Assert.Equal(Dimension.MoneyVnd, r.Parse("Tỷ đồng").Dimension);
        Assert.Equal(Dimension.MoneyUsd, r.Parse("Triệu USD").Dimension);
        Assert.NotEqual(r.Parse("Tỷ đồng").Dimension, r.Parse("Triệu USD").Dimension);
        Assert.False(r.Parse("%").IsAdditive);
        Assert.False(r.Parse("hs/gv").IsAdditive);
        Assert.False(r.Parse("Mức độ").IsAdditive);
        Assert.True(r.Parse("Nghìn tấn").IsAdditive);
    }
}
