using Ktxh.Periods;

namespace Ktxh.Indicators.Tests.BuiltInData;

/// <summary>
/// A regression net for the built-in catalogue sourced from the seed itself: a sample of 98 rows of the appendix of
/// seed 004 (Hà Nam IOC indicator list, <c>004-ha-nam-ioc-indicator-list.txt</c>: Kế hoạch triển khai đô thị thông minh và
/// Trung tâm Giám sát, điều hành thông minh tỉnh Hà Nam, 2023, Phụ lục II "Danh mục các chỉ tiêu cập nhật về Trung
/// tâm Giám sát, điều hành thông minh tỉnh Hà Nam"), read from the appendix independently of the extraction. Each row
/// is pinned with its seed line(s), providing agency and report group, its name as printed (OCR and typing errors
/// fixed; bullet and "Trong đó:" prefix removed), its unit and period exactly as printed, and its marker ("+", "-",
/// "Trong đó").
/// </summary>
/// <remarks>
/// The expected relation follows the marker: a "Trong đó" row, or a row below a bare "Trong đó:" marker line, is
/// <c>of_which</c>; a "+"/"-" row is <c>component</c> when its siblings exhaust the parent in the same unit, otherwise
/// <c>of_which</c> (a part that does not exhaust it) or <c>detail</c> (under a heading without a value, or a sub-index
/// under its index); an unmarked row is top-level unless the lost indentation shows a breakdown
/// (docs/builtin-catalogue.md §3). Line numbers are those of the seed file.
/// </remarks>
public sealed class Seed004AppendixTests
{
    /// <summary>The period column of the appendix and its <see cref="PeriodType"/>.</summary>
    private static readonly Dictionary<string, PeriodType> PrintedPeriods = new(StringComparer.Ordinal)
    {
        ["Tuần"] = PeriodType.Week,
        ["½ tháng"] = PeriodType.HalfMonth,
        ["Tháng"] = PeriodType.Month,
        ["Quý"] = PeriodType.Quarter,
        ["6 tháng"] = PeriodType.HalfYear,
        ["9 tháng"] = PeriodType.NineMonths,
        ["Năm"] = PeriodType.Year,
    };

    private static readonly string[] AllAgencies =
    {
        "CTK", "SNN", "SLD", "SYT", "SGD", "SXD", "STN", "SKH", "SGT", "SVH", "STC", "BHXH", "CTT", "BAT", "CAT", "KBNN", "HQ",
    };

    /// <summary>Names of shares, rates, averages, yields and indices in the appendix.</summary>
    private static readonly string[] RatioNamePrefixes =
    {
        "Tỷ lệ", "Tỷ suất", "Tỷ số", "Tổng tỷ suất", "Tốc độ", "Số bình quân", "Năng suất", "Chỉ số", "CHỈ SỐ", "Số giường bệnh/vạn dân",
    };

    private static readonly Lazy<Dictionary<string, (int Index, Dictionary<string, string> Cells)>> TsvRows = new(ReadTsvRows);

    /// <summary>
    /// The sampled appendix rows: seed line(s), code, agency, report group, marker, name, unit as printed, period as
    /// printed, expected relation ("" = top-level, "component", "of_which", "detail").
    /// </summary>
    public static readonly TheoryData<string, string, string, string, string, string, string, string, string> Rows = new()
    {
        // CTK: Cục Thống kê tỉnh
        // seed 004 line 562
        { "562", "HNM.CTK.01.001", "CTK", "CTK.01", "", "Dân số trung bình", "Nghìn người", "Năm", "" },
        // seed 004 line 564
        { "564", "HNM.CTK.01.002", "CTK", "CTK.01", "", "Tỷ lệ tăng dân số tự nhiên", "%", "Năm", "" },
        // seed 004 line 574: "+" row; the three sectors do not exhaust GRDP (taxes less subsidies on products)
        { "574", "HNM.CTK.02.003", "CTK", "CTK.02", "+", "Công nghiệp và xây dựng", "Tỷ đồng", "6 tháng", "of_which" },
        // seed 004 line 582: printed "Thịt châu" (OCR), fixed to "Thịt trâu"; "+" row, four meats do not exhaust live-weight meat output
        { "582", "HNM.CTK.03.003", "CTK", "CTK.03", "+", "Thịt trâu", "Tấn", "Quý", "of_which" },
        // seed 004 line 590
        { "590", "HNM.CTK.03.007", "CTK", "CTK.03", "+", "Trứng (nghìn quả)", "Nghìn quả", "Quý", "detail" },
        // seed 004 line 596
        { "596", "HNM.CTK.04.002", "CTK", "CTK.04", "+", "Sản lượng thủy sản nuôi trồng", "Nghìn tấn", "Quý", "component" },
        // seed 004 line 608: printed "Chính Phủ"
        { "608", "HNM.CTK.05.003", "CTK", "CTK.05", "+", "Vốn trái phiếu Chính phủ", "Tỷ đồng", "Quý", "component" },
        // seed 004 line 631
        { "631", "HNM.CTK.06.003", "CTK", "CTK.06", "+", "Lúa đông xuân", "ha", "Tháng", "component" },
        // seed 004 line 645: "+" row; the listed crops do not exhaust other annual crops
        { "645", "HNM.CTK.06.010", "CTK", "CTK.06", "+", "Sắn / khoai mì", "ha", "Tháng", "of_which" },
        // seed 004 line 659
        { "659", "HNM.CTK.07.001", "CTK", "CTK.07", "", "Toàn ngành công nghiệp", "%", "Tháng", "" },
        // seed 004 line 666-669: name wrapped over lines 666-668, unit and period on line 669
        { "666-669", "HNM.CTK.07.004", "CTK", "CTK.07", "+", "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", "%", "Tháng", "detail" },
        // seed 004 line 702
        { "702", "HNM.CTK.08.009", "CTK", "CTK.08", "+", "Linh kiện điện tử", "1000 sp", "Tháng", "detail" },
        // seed 004 line 706
        { "706", "HNM.CTK.08.011", "CTK", "CTK.08", "+", "Xe gắn máy", "1000c", "Tháng", "detail" },
        // seed 004 line 716
        { "716", "HNM.CTK.09.002", "CTK", "CTK.09", "+", "Doanh thu bán lẻ hàng hóa", "Triệu đồng", "Tháng", "component" },
        // seed 004 line 740: printed "nhà ở" (lower case); CPI group: a sub-index, not an addend
        { "740", "HNM.CTK.10.005", "CTK", "CTK.10", "+", "Nhà ở và vật liệu xây dựng", "%", "Tháng", "detail" },
        // seed 004 line 761
        { "761", "HNM.CTK.10.013", "CTK", "CTK.10", "", "CHỈ SỐ GIÁ VÀNG", "%", "Tháng", "" },
        // SNN: Sở Nông nghiệp và Phát triển nông thôn
        // seed 004 line 792-795
        { "792-795", "HNM.SNN.01.001", "SNN", "SNN.01", "", "Tỷ lệ dân cư nông thôn được sử dụng nước sạch, nước hợp vệ sinh môi trường", "%", "Năm", "" },
        // seed 004 line 801
        { "801", "HNM.SNN.02.001", "SNN", "SNN.02", "", "Sản lượng lương thực có hạt", "Nghìn tấn", "6 tháng", "" },
        // seed 004 line 811
        { "811", "HNM.SNN.02.004", "SNN", "SNN.02", "+", "Diện tích", "Nghìn ha", "6 tháng", "detail" },
        // seed 004 line 813: "+" row under the heading "Cây lúa": different measures, no sum
        { "813", "HNM.SNN.02.005", "SNN", "SNN.02", "+", "Năng suất", "Tạ/ha", "6 tháng", "detail" },
        // seed 004 line 821
        { "821", "HNM.SNN.02.009", "SNN", "SNN.02", "+", "Năng suất", "Tạ/ha", "6 tháng", "detail" },
        // seed 004 line 858
        { "858", "HNM.SNN.02.022", "SNN", "SNN.02", "+", "Tổng đàn", "Nghìn con", "6 tháng", "detail" },
        // seed 004 line 895
        { "895", "HNM.SNN.02.038", "SNN", "SNN.02", "+", "Thể tích lồng nuôi", "m3", "6 tháng", "detail" },
        // seed 004 line 899
        { "899", "HNM.SNN.02.040", "SNN", "SNN.02", "", "Tỷ lệ che phủ rừng", "%", "6 tháng", "" },
        // seed 004 line 907
        { "907", "HNM.SNN.02.044", "SNN", "SNN.02", "+", "Khối lượng gỗ khai thác", "Nghìn m3", "Năm", "detail" },
        // seed 004 line 912-917
        { "912-917", "HNM.SNN.02.046", "SNN", "SNN.02", "", "Số đơn vị cấp huyện đạt chuẩn NTM, hoàn thành nhiệm vụ xây dựng NTM", "Huyện", "Năm", "detail" },
        // seed 004 line 921
        { "921", "HNM.SNN.02.048", "SNN", "SNN.02", "", "Số xã đạt chuẩn NTM tăng thêm", "Xã", "Năm", "detail" },
        // SLD: Sở Lao động - Thương binh và Xã hội
        // seed 004 line 931
        { "931", "HNM.SLD.01.001", "SLD", "SLD.01", "", "Số lao động tạo việc làm mới", "Nghìn người", "Năm", "" },
        // seed 004 line 933
        { "933", "HNM.SLD.01.002", "SLD", "SLD.01", "", "Xuất khẩu lao động", "Người", "Năm", "" },
        // seed 004 line 937
        { "937", "HNM.SLD.01.004", "SLD", "SLD.01", "Trong đó", "Có chứng chỉ, bằng cấp", "%", "Năm", "of_which" },
        // seed 004 line 943
        { "943", "HNM.SLD.01.007", "SLD", "SLD.01", "", "Mức giảm tỷ lệ hộ nghèo", "%", "Năm", "" },
        // seed 004 line 947
        { "947", "HNM.SLD.01.009", "SLD", "SLD.01", "", "Tỷ lệ hộ cận nghèo", "%", "Năm", "" },
        // SYT: Sở Y tế
        // seed 004 line 951
        { "951", "HNM.SYT.01.001", "SYT", "SYT.01", "", "Tỷ lệ trẻ em dưới 5 tuổi SDD (cân nặng theo tuổi)", "%", "Năm", "" },
        // seed 004 line 964
        { "964", "HNM.SYT.01.005", "SYT", "SYT.01", "", "Tỷ lệ chết mẹ/ 100.000 trẻ đẻ sống", "%", "Năm", "" },
        // seed 004 line 966
        { "966", "HNM.SYT.01.006", "SYT", "SYT.01", "", "Tổng tỷ suất sinh", "%", "Năm", "" },
        // seed 004 line 968
        { "968", "HNM.SYT.01.007", "SYT", "SYT.01", "", "Tỷ số giới tính khi sinh (nam/100 nữ)", "%", "Năm", "" },
        // seed 004 line 974
        { "974", "HNM.SYT.01.010", "SYT", "SYT.01", "", "Số trẻ em sinh ra trong năm", "trẻ", "Năm", "" },
        // seed 004 line 978
        { "978", "HNM.SYT.01.012", "SYT", "SYT.01", "", "Số giường bệnh/vạn dân", "Giường", "Năm", "" },
        // seed 004 line 986
        { "986", "HNM.SYT.01.016", "SYT", "SYT.01", "", "Số bác sĩ trên toàn tỉnh", "Bác sỹ", "Năm", "" },
        // SGD: Sở Giáo dục và Đào tạo
        // seed 004 line 994
        { "994", "HNM.SGD.01.001", "SGD", "SGD.01", "", "Tỷ lệ mầm non đạt chuẩn quốc gia", "%", "Năm", "" },
        // seed 004 line 998
        { "998", "HNM.SGD.01.003", "SGD", "SGD.01", "", "Tỷ lệ trường THCS đạt chuẩn quốc gia", "%", "Năm", "" },
        // seed 004 line 1010
        { "1010", "HNM.SGD.02.003", "SGD", "SGD.02", "-", "Nhà trẻ", "nhà trẻ", "Năm", "component" },
        // seed 004 line 1016: "- Trong đó:" row
        { "1016", "HNM.SGD.02.006", "SGD", "SGD.02", "Trong đó", "Trường đạt chuẩn quốc gia", "trường", "Năm", "of_which" },
        // seed 004 line 1018
        { "1018", "HNM.SGD.02.007", "SGD", "SGD.02", "", "Nhóm, lớp", "nhóm/lớp", "Năm", "detail" },
        // seed 004 line 1035
        { "1035", "HNM.SGD.02.013", "SGD", "SGD.02", "Trong đó", "Trẻ từ 5 tuổi đến 6 tuổi", "người", "Năm", "of_which" },
        // seed 004 line 1043
        { "1043", "HNM.SGD.02.017", "SGD", "SGD.02", "+", "Giáo viên nhà trẻ", "người", "Năm", "component" },
        // seed 004 line 1049
        { "1049", "HNM.SGD.02.020", "SGD", "SGD.02", "Trong đó", "Viên chức", "người", "Năm", "of_which" },
        // seed 004 line 1053: heading row with a printed period and no unit
        { "1053", "HNM.SGD.02.022", "SGD", "SGD.02", "", "Các tỷ lệ", "", "Năm", "detail" },
        // seed 004 line 1059
        { "1059", "HNM.SGD.02.025", "SGD", "SGD.02", "-", "Số bình quân giáo viên/nhóm", "gv/nhóm", "Năm", "detail" },
        // seed 004 line 1100: "-" row below the bare "Trong đó:  Năm" marker of line 1098
        { "1100", "HNM.SGD.02.042", "SGD", "SGD.02", "-", "Trường tiểu học đạt chuẩn quốc gia", "trường", "Năm", "of_which" },
        // seed 004 line 1116
        { "1116", "HNM.SGD.02.050", "SGD", "SGD.02", "-", "Trường chuyên biệt dành cho người khuyết tật", "trường", "Năm", "of_which" },
        // seed 004 line 1169
        { "1169", "HNM.SGD.02.074", "SGD", "SGD.02", "-", "Số bình quân học sinh/giáo viên", "hs/gv", "Năm", "detail" },
        // seed 004 line 1189: printed "từ tiểu học trên trung học cơ sở"; "lên" as in the upper-secondary row (line 1208)
        { "1189", "HNM.SGD.02.084", "SGD", "SGD.02", "-", "Tỷ lệ chuyển cấp từ tiểu học lên trung học cơ sở", "%", "Năm", "detail" },
        // seed 004 line 1212
        { "1212", "HNM.SGD.02.093", "SGD", "SGD.02", "", "Phổ cập giáo dục mầm non cho trẻ 5 tuổi", "Mức độ", "Năm", "detail" },
        // seed 004 line 1226
        { "1226", "HNM.SGD.02.100", "SGD", "SGD.02", "-", "Bổ túc chương trình cấp THCS", "học viên", "Năm", "component" },
        // seed 004 line 1252: "+ Trong đó :" row
        { "1252", "HNM.SGD.02.111", "SGD", "SGD.02", "Trong đó", "Viên chức", "người", "Năm", "of_which" },
        // seed 004 line 1266
        { "1266", "HNM.SGD.02.116", "SGD", "SGD.02", "-", "Học hòa nhập trong các cơ sở GD MN&PT", "người", "Năm", "component" },
        // seed 004 line 1295: "- Trong đó:" row
        { "1295", "HNM.SGD.03.005", "SGD", "SGD.03", "Trong đó", "Trẻ từ 5 tuổi đến 6 tuổi", "người", "Năm", "of_which" },
        // seed 004 line 1321
        { "1321", "HNM.SGD.03.018", "SGD", "SGD.03", "-", "Tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân và thấp còi", "%", "Năm", "detail" },
        // seed 004 line 1391-1394
        { "1391-1394", "HNM.SGD.03.050", "SGD", "SGD.03", "-", "Tỷ lệ học sinh được công nhận hoàn thành chương trình tiểu học", "%", "Năm", "detail" },
        // seed 004 line 1458-1461
        { "1458-1461", "HNM.SGD.03.080", "SGD", "SGD.03", "", "Trung tâm hỗ trợ giáo dục hòa nhập, trung tâm giáo dục trẻ khuyết tật", "trung tâm", "Năm", "detail" },
        // SXD: Sở Xây dựng
        // seed 004 line 1475
        { "1475", "HNM.SXD.01.001", "SXD", "SXD.01", "", "Tỷ lệ đô thị hoá", "%", "Năm", "" },
        // seed 004 line 1477
        { "1477", "HNM.SXD.01.002", "SXD", "SXD.01", "", "Tỷ lệ hộ dân cư thành thị sử dụng nước sạch", "%", "Quý", "" },
        // STN: Sở Tài nguyên và Môi trường
        // seed 004 line 1485
        { "1485", "HNM.STN.01.001", "STN", "STN.01", "", "Tỷ lệ thu gom, xử lý rác sinh hoạt khu vực đô thị", "%", "Quý", "" },
        // seed 004 line 1488-1491
        { "1488-1491", "HNM.STN.01.002", "STN", "STN.01", "", "Số khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường", "Khu, cụm", "Quý", "" },
        // seed 004 line 1515
        { "1515", "HNM.STN.01.008", "STN", "STN.01", "", "Tỷ lệ thu xử lý rác sinh hoạt khu vực nông thôn", "%", "Quý", "" },
        // SKH: Sở Kế hoạch và Đầu tư
        // seed 004 line 1518-1522
        { "1518-1522", "HNM.SKH.01.001", "SKH", "SKH.01", "", "Số lượng doanh nghiệp đăng ký thành lập tăng thêm", "Doanh nghiệp", "Quý", "" },
        // seed 004 line 1526-1530
        { "1526-1530", "HNM.SKH.01.003", "SKH", "SKH.01", "", "Số lượng doanh nghiệp đăng ký thành lập luỹ kế", "Doanh nghiệp", "Quý", "" },
        // seed 004 line 1558
        { "1558", "HNM.SKH.02.002", "SKH", "SKH.02", "", "Đầu tư nước ngoài", "Triệu USD", "Tháng", "" },
        // seed 004 line 1564-1570
        { "1564-1570", "HNM.SKH.03.001", "SKH", "SKH.03", "", "Số lượng dự án được cấp Quyết định chủ trương/Giấy chứng nhận đăng ký đầu tư trong năm (không bao gồm điều chỉnh dự án)", "Dự án", "Tháng", "" },
        // seed 004 line 1574
        { "1574", "HNM.SKH.03.003", "SKH", "SKH.03", "", "Nước ngoài", "Dự án", "Tháng", "component" },
        // seed 004 line 1582
        { "1582", "HNM.SKH.03.007", "SKH", "SKH.03", "", "Tổng cộng", "Tỷ đồng", "Tháng", "detail" },
        // SGT: Sở Giao thông vận tải
        // seed 004 line 1590
        { "1590", "HNM.SGT.01.001", "SGT", "SGT.01", "", "Tỷ lệ đường giao thông nông thôn được kiên cố hóa", "%", "Quý", "" },
        // SVH: Sở Văn hóa, Thể thao và Du lịch
        // seed 004 line 1604
        { "1604", "HNM.SVH.01.001", "SVH", "SVH.01", "", "Tổng doanh thu du lịch", "Tỷ đồng", "Tháng", "" },
        // seed 004 line 1610: "+" row below the bare "Trong đó:" marker of line 1608
        { "1610", "HNM.SVH.01.003", "SVH", "SVH.01", "+", "Khách quốc tế", "Nghìn lượt", "Tháng", "of_which" },
        // seed 004 line 1616
        { "1616", "HNM.SVH.01.006", "SVH", "SVH.01", "Trong đó", "Khách sạn", "Cơ sở", "Tháng", "of_which" },
        // seed 004 line 1618
        { "1618", "HNM.SVH.01.007", "SVH", "SVH.01", "", "Tổng số phòng", "Phòng", "Tháng", "" },
        // seed 004 line 1622
        { "1622", "HNM.SVH.02.002", "SVH", "SVH.02", "", "Số lượt khách nghỉ qua đêm", "Lượt", "Tháng", "" },
        // seed 004 line 1626
        { "1626", "HNM.SVH.02.004", "SVH", "SVH.02", "", "Khách quốc tế", "Đêm", "Tháng", "component" },
        // STC: Sở Tài chính
        // seed 004 line 1636
        { "1636", "HNM.STC.01.001", "STC", "STC.01", "", "Tổng thu cân đối NSNN trên địa bàn", "Tỷ đồng", "Tháng", "" },
        // seed 004 line 1638: unmarked; overlapping parts of total revenue
        { "1638", "HNM.STC.01.002", "STC", "STC.01", "", "Thu nội địa", "Tỷ đồng", "Tháng", "of_which" },
        // seed 004 line 1653: below the bare "Trong đó:" marker of line 1651
        { "1653", "HNM.STC.01.009", "STC", "STC.01", "", "Chi đầu tư phát triển", "Tỷ đồng", "Tháng", "of_which" },
        // seed 004 line 1655: below the bare "Trong đó:" marker of line 1651
        { "1655", "HNM.STC.01.010", "STC", "STC.01", "", "Chi thường xuyên", "Tỷ đồng", "Tháng", "of_which" },
        // BHXH: Bảo hiểm xã hội tỉnh
        // seed 004 line 1659
        { "1659", "HNM.BHXH.01.001", "BHXH", "BHXH.01", "", "Số người tham gia BHYT", "Người", "Tháng", "" },
        // seed 004 line 1661
        { "1661", "HNM.BHXH.01.002", "BHXH", "BHXH.01", "", "Tỷ lệ dân số tham gia BHYT", "%", "Tháng", "" },
        // seed 004 line 1667
        { "1667", "HNM.BHXH.01.005", "BHXH", "BHXH.01", "", "Tỷ lệ dân số trong độ tuổi lao động tham gia BHXH", "%", "Tháng", "" },
        // CTT: Cục Thuế tỉnh
        // seed 004 line 1677-1682
        { "1677-1682", "HNM.CTT.01.001", "CTT", "CTT.01", "", "Số lượng doanh nghiệp đang hoạt động", "Doanh nghiệp", "Tháng", "" },
        // BAT: Ban an toàn giao thông
        // seed 004 line 1694
        { "1694", "HNM.BAT.01.003", "BAT", "BAT.01", "-", "Số vụ va chạm và tai nạn giao thông", "Vụ", "Tháng", "detail" },
        // seed 004 line 1698
        { "1698", "HNM.BAT.01.005", "BAT", "BAT.01", "-", "Số người bị thương", "Người", "Tháng", "detail" },
        // seed 004 line 1709
        { "1709", "HNM.BAT.01.011", "BAT", "BAT.01", "-", "Số vụ va chạm và tai nạn giao thông", "Vụ", "Tháng", "detail" },
        // seed 004 line 1713
        { "1713", "HNM.BAT.01.013", "BAT", "BAT.01", "-", "Số người bị thương", "Người", "Tháng", "detail" },
        // CAT: Công an tỉnh
        // seed 004 line 1717
        { "1717", "HNM.CAT.01.001", "CAT", "CAT.01", "", "Số thu nhận hồ sơ cấp căn cước công dân", "Hồ sơ", "Tháng", "" },
        // seed 004 line 1719
        { "1719", "HNM.CAT.01.002", "CAT", "CAT.01", "", "Số kích hoạt tài khoản định danh điện tử", "Tài khoản", "Tháng", "" },
        // seed 004 line 1727
        { "1727", "HNM.CAT.01.006", "CAT", "CAT.01", "", "Số vụ cháy, nổ", "Vụ", "Tháng", "" },
        // KBNN: Kho bạc nhà nước tỉnh
        // seed 004 line 1735
        { "1735", "HNM.KBNN.01.001", "KBNN", "KBNN.01", "", "Giá trị giải ngân vốn đầu tư công", "Tỷ đồng", "½ tháng", "" },
        // seed 004 line 1737
        { "1737", "HNM.KBNN.01.002", "KBNN", "KBNN.01", "", "Tỷ lệ giải ngân vốn đầu tư công/Kế hoạch vốn", "%", "½ tháng", "" },
        // HQ: Chi cục hải quan
        // seed 004 line 1741
        { "1741", "HNM.HQ.01.001", "HQ", "HQ.01", "", "Giá trị xuất khẩu trên địa bàn", "Triệu USD", "Tuần", "" },
        // seed 004 line 1743
        { "1743", "HNM.HQ.01.002", "HQ", "HQ.01", "", "Tốc độ tăng xuất khẩu", "%", "Tuần", "" },
    };

    /// <summary>Each sampled appendix row is in the built-in catalogue with the attributes printed in the seed.</summary>
    [Theory]
    [MemberData(nameof(Rows))]
    public void Appendix_row_is_in_the_built_in_catalogue(
        string seedLines, string code, string agency, string group, string marker, string name, string unit, string period, string relation)
    {
        IndicatorCatalogue catalogue = BuiltInCatalogue.Catalogue;
        Assert.True(catalogue.TryGet(code, out Indicator indicator), $"seed line {seedLines}: {code} missing");

        Assert.Equal(name, indicator.NameVi);
        Assert.Equal(agency, indicator.AgencyCode);
        Assert.Contains(catalogue.ByForm(group), i => i.Code == code);
        Assert.Equal(new[] { PrintedPeriods[period] }, indicator.Periods);

        // Unit: the TSV keeps the printed text verbatim, and the catalogue resolves it to the same unit.
        Dictionary<string, string> cells = TsvRows.Value[code].Cells;
        Assert.Equal(unit, cells["unit_text"]);
        if (unit.Length == 0)
        {
            Assert.Null(indicator.UnitCode);
        }
        else
        {
            Assert.True(UnitRegistry.Default.TryResolve(unit, out UnitOfMeasure? resolved), $"unit '{unit}' does not resolve");
            Assert.Equal(resolved!.Code, indicator.UnitCode);
        }

        // Relation, and the marker rules it must obey.
        IndicatorRelationKind? expectedKind = relation switch
        {
            "" => null,
            "component" => IndicatorRelationKind.Component,
            "of_which" => IndicatorRelationKind.OfWhich,
            "detail" => IndicatorRelationKind.Detail,
            _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, "unknown relation"),
        };
        Assert.Equal(expectedKind, indicator.Relation?.Kind);
        if (marker == "Trong đó")
        {
            Assert.Equal(IndicatorRelationKind.OfWhich, indicator.Relation?.Kind);
        }

        if (marker is "+" or "-")
        {
            Assert.NotNull(indicator.Relation);
        }

        if (indicator.Relation is { } rel)
        {
            Indicator parent = catalogue.Get(rel.ParentCode);
            Assert.Equal(agency, parent.AgencyCode);
            Assert.True(TsvRows.Value[rel.ParentCode].Index < TsvRows.Value[code].Index, "a parent precedes its child");
        }

        // A share, rate, average or index (printed unit %, or named as one) is never summed.
        if (unit == "%" || RatioNamePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            Assert.Contains(indicator.ValueKind, new[] { ValueKind.Percentage, ValueKind.Rate, ValueKind.Average, ValueKind.Index });
            Assert.NotEqual(AggregationMethod.Sum, indicator.AcrossUnits.Method);
            Assert.NotEqual(AggregationMethod.Sum, indicator.AcrossTime.Method);
        }
    }

    /// <summary>The sample is large enough and spread over every providing agency of the appendix.</summary>
    [Fact]
    public void Sample_covers_every_agency()
    {
        List<object[]> rows = Rows.ToList();
        Assert.True(rows.Count >= 60, $"only {rows.Count} sampled rows");
        Assert.Equal(AllAgencies.OrderBy(a => a, StringComparer.Ordinal), rows.Select(r => (string)r[2]).Distinct().OrderBy(a => a, StringComparer.Ordinal));
        Assert.Equal(rows.Count, rows.Select(r => (string)r[1]).Distinct(StringComparer.Ordinal).Count());
        foreach (string marker in new[] { "", "+", "-", "Trong đó" })
        {
            Assert.Contains(rows, r => (string)r[4] == marker);
        }

        foreach (string period in PrintedPeriods.Keys.Where(p => p != "9 tháng"))
        {
            Assert.Contains(rows, r => (string)r[7] == period);
        }
    }

    /// <summary>The catalogue keeps the appendix order: sampled rows in seed-line order are in file order.</summary>
    [Fact]
    public void Sampled_rows_are_in_appendix_order()
    {
        int[] fileIndexes = Rows
            .Select(r => (Line: FirstLine((string)r[0]), Code: (string)r[1]))
            .OrderBy(r => r.Line)
            .Select(r => TsvRows.Value[r.Code].Index)
            .ToArray();
        Assert.Equal(fileIndexes.OrderBy(i => i), fileIndexes);
    }

    /// <summary>
    /// The providing agencies of the appendix (STT 1-18; STT 6 is missing from the seed), with the seed line of each
    /// and the name the catalogue uses (OCR and capitalisation fixed, docs/builtin-catalogue.md §4).
    /// </summary>
    [Theory]
    [InlineData(560, 1, "CTK", "Cục Thống kê tỉnh")]
    [InlineData(785, 2, "SNN", "Sở Nông nghiệp và Phát triển nông thôn")] // lines 785-788, wrapped
    [InlineData(925, 3, "SLD", "Sở Lao động - Thương binh và Xã hội")] // lines 925-928, wrapped
    [InlineData(949, 4, "SYT", "Sở Y tế")]
    [InlineData(988, 5, "SGD", "Sở Giáo dục và Đào tạo")]
    [InlineData(1469, 7, "SXD", "Sở Xây dựng")]
    [InlineData(1479, 8, "STN", "Sở Tài nguyên và Môi trường")]
    [InlineData(1517, 9, "SKH", "Sở Kế hoạch và Đầu tư")]
    [InlineData(1584, 10, "SGT", "Sở Giao thông vận tải")]
    [InlineData(1591, 11, "SVH", "Sở Văn hóa, Thể thao và Du lịch")] // lines 1591-1594, printed "Du lich" (OCR)
    [InlineData(1634, 12, "STC", "Sở Tài chính")]
    [InlineData(1657, 13, "BHXH", "Bảo hiểm xã hội tỉnh")]
    [InlineData(1671, 14, "CTT", "Cục Thuế tỉnh")]
    [InlineData(1684, 15, "BAT", "Ban An toàn giao thông tỉnh")] // printed "Ban an toàn giao thông"; the plan's body (line 403) says "Ban An toàn giao thông tỉnh"
    [InlineData(1715, 16, "CAT", "Công an tỉnh")]
    [InlineData(1729, 17, "KBNN", "Kho bạc Nhà nước tỉnh")] // printed "Kho bạc nhà nước tỉnh"
    [InlineData(1739, 18, "HQ", "Chi cục Hải quan")] // printed "Chi cục hải quan"
    public void Appendix_agency_is_in_the_built_in_catalogue(int seedLine, int stt, string agency, string name)
    {
        Assert.InRange(seedLine, 479, 1747);
        Assert.InRange(stt, 1, 18);
        IndicatorCatalogue catalogue = BuiltInCatalogue.Catalogue;
        Assert.True(catalogue.TryGetAgency(agency, out Agency found), $"agency {agency} missing");
        Assert.Equal(name, found.NameVi);
        Assert.NotEmpty(catalogue.ByAgency(agency));
    }

    private static int FirstLine(string seedLines) =>
        int.Parse(seedLines.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, (int Index, Dictionary<string, string> Cells)> ReadTsvRows()
    {
        string[] lines = BuiltInCatalogue.ReadResource(BuiltInCatalogue.IndicatorsResourceName)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] header = lines[0].Split('\t');
        var rows = new Dictionary<string, (int, Dictionary<string, string>)>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split('\t');
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < header.Length; c++)
            {
                cells[header[c]] = c < fields.Length ? fields[c] : string.Empty;
            }

            rows[cells["code"]] = (i, cells);
        }

        return rows;
    }
}
