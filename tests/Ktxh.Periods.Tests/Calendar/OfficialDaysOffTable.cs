using NodaTime;
using NodaTime.Text;

namespace Ktxh.Periods.Tests.Calendar;

/// <summary>
/// Every day off of the civil-service calendar 2020–2026 that is not a plain weekend day, and every Saturday worked.
/// One place to add a case: one line per day. Sources: the Labor Code articles and the Government Office dispatches
/// cited in src/Ktxh.Periods/Data/vn-civil-service-calendar.json.
/// </summary>
public static class OfficialDaysOffTable
{
    private const DayOffReason H = DayOffReason.PublicHoliday;
    private const DayOffReason C = DayOffReason.Compensation;
    private const DayOffReason S = DayOffReason.Swap;

    private const string Art112 = "45/2019/QH14, Điều 112";
    private const string Art111 = "45/2019/QH14, Điều 111 khoản 3";
    private const string Art115 = "10/2012/QH13, Điều 115 khoản 1";
    private const string Art115Comp = "10/2012/QH13, Điều 115 khoản 3";

    /// <summary>(date, reason, a word of the Vietnamese name, a part of the source).</summary>
    public static readonly (string Date, DayOffReason Reason, string Name, string Source)[] Rows =
    [
        // 2020 — Labor Code 2012; Tết: 9087/VPCP-KGVX (07/10/2019).
        ("2020-01-01", H, "Tết Dương lịch", Art115),
        ("2020-01-23", H, "29 tháng Chạp", "9087/VPCP-KGVX"),
        ("2020-01-24", H, "30 tháng Chạp", "9087/VPCP-KGVX"),
        ("2020-01-25", H, "mùng 1", "9087/VPCP-KGVX"),
        ("2020-01-26", H, "mùng 2", "9087/VPCP-KGVX"),
        ("2020-01-27", H, "mùng 3", "9087/VPCP-KGVX"),
        ("2020-01-28", C, "Nghỉ bù", Art115Comp),
        ("2020-01-29", C, "Nghỉ bù", Art115Comp),
        ("2020-04-02", H, "Hùng Vương", Art115),
        ("2020-04-30", H, "30/4", Art115),
        ("2020-05-01", H, "Lao động", Art115),
        ("2020-09-02", H, "Quốc khánh", Art115),

        // 2021 — Labor Code 2019; Tết and National Day: Government Office, reported 27/11/2020.
        ("2021-01-01", H, "Tết Dương lịch", Art112),
        ("2021-02-10", H, "29 tháng Chạp", "Nguyễn Xuân Phúc"),
        ("2021-02-11", H, "30 tháng Chạp", "Nguyễn Xuân Phúc"),
        ("2021-02-12", H, "mùng 1", "Nguyễn Xuân Phúc"),
        ("2021-02-13", H, "mùng 2", "Nguyễn Xuân Phúc"),
        ("2021-02-14", H, "mùng 3", "Nguyễn Xuân Phúc"),
        ("2021-02-15", C, "Nghỉ bù", Art111),
        ("2021-02-16", C, "Nghỉ bù", Art111),
        ("2021-04-21", H, "Hùng Vương", Art112),
        ("2021-04-30", H, "30/4", Art112),
        ("2021-05-01", H, "Lao động", Art112),
        ("2021-05-03", C, "Nghỉ bù", Art111),
        ("2021-09-02", H, "Quốc khánh", Art112),
        ("2021-09-03", H, "liền kề", "Nguyễn Xuân Phúc"),

        // 2022 — Tết and National Day: 245/VPCP-KGVX (11/01/2022).
        ("2022-01-01", H, "Tết Dương lịch", Art112),
        ("2022-01-03", C, "Nghỉ bù", Art111),
        ("2022-01-31", H, "29 tháng Chạp", "245/VPCP-KGVX"),
        ("2022-02-01", H, "mùng 1", "245/VPCP-KGVX"),
        ("2022-02-02", H, "mùng 2", "245/VPCP-KGVX"),
        ("2022-02-03", H, "mùng 3", "245/VPCP-KGVX"),
        ("2022-02-04", H, "mùng 4", "245/VPCP-KGVX"),
        ("2022-04-10", H, "Hùng Vương", Art112),
        ("2022-04-11", C, "Nghỉ bù", Art111),
        ("2022-04-30", H, "30/4", Art112),
        ("2022-05-01", H, "Lao động", Art112),
        ("2022-05-02", C, "Nghỉ bù", Art111),
        ("2022-05-03", C, "Nghỉ bù", Art111),
        ("2022-09-01", H, "liền kề", "245/VPCP-KGVX"),
        ("2022-09-02", H, "Quốc khánh", Art112),

        // 2023 — Government Office, 01/12/2022.
        ("2023-01-01", H, "Tết Dương lịch", Art112),
        ("2023-01-02", C, "Nghỉ bù", Art111),
        ("2023-01-20", H, "29 tháng Chạp", "01/12/2022"),
        ("2023-01-21", H, "30 tháng Chạp", "01/12/2022"),
        ("2023-01-22", H, "mùng 1", "01/12/2022"),
        ("2023-01-23", H, "mùng 2", "01/12/2022"),
        ("2023-01-24", H, "mùng 3", "01/12/2022"),
        ("2023-01-25", C, "Nghỉ bù", Art111),
        ("2023-01-26", C, "Nghỉ bù", Art111),
        ("2023-04-29", H, "Hùng Vương", Art112),
        ("2023-04-30", H, "30/4", Art112),
        ("2023-05-01", H, "Lao động", Art112),
        ("2023-05-02", C, "Nghỉ bù", Art111),
        ("2023-05-03", C, "Nghỉ bù", Art111),
        ("2023-09-01", H, "liền kề", "01/12/2022"),
        ("2023-09-02", H, "Quốc khánh", Art112),
        ("2023-09-04", C, "Nghỉ bù", Art111),

        // 2024 — Tết and National Day: 8662/VPCP-KGVX; swap: 2450/VPCP-KGVX (12/04/2024).
        ("2024-01-01", H, "Tết Dương lịch", Art112),
        ("2024-02-08", H, "29 tháng Chạp", "8662/VPCP-KGVX"),
        ("2024-02-09", H, "30 tháng Chạp", "8662/VPCP-KGVX"),
        ("2024-02-10", H, "mùng 1", "8662/VPCP-KGVX"),
        ("2024-02-11", H, "mùng 2", "8662/VPCP-KGVX"),
        ("2024-02-12", H, "mùng 3", "8662/VPCP-KGVX"),
        ("2024-02-13", C, "Nghỉ bù", Art111),
        ("2024-02-14", C, "Nghỉ bù", Art111),
        ("2024-04-18", H, "Hùng Vương", Art112),
        ("2024-04-29", S, "hoán đổi", "2450/VPCP-KGVX"),
        ("2024-04-30", H, "30/4", Art112),
        ("2024-05-01", H, "Lao động", Art112),
        ("2024-09-02", H, "Quốc khánh", Art112),
        ("2024-09-03", H, "liền kề", "8662/VPCP-KGVX"),

        // 2025 — 8726/VPCP-KGVX (26/11/2024).
        ("2025-01-01", H, "Tết Dương lịch", Art112),
        ("2025-01-27", H, "28 tháng Chạp", "8726/VPCP-KGVX"),
        ("2025-01-28", H, "29 tháng Chạp", "8726/VPCP-KGVX"),
        ("2025-01-29", H, "mùng 1", "8726/VPCP-KGVX"),
        ("2025-01-30", H, "mùng 2", "8726/VPCP-KGVX"),
        ("2025-01-31", H, "mùng 3", "8726/VPCP-KGVX"),
        ("2025-04-07", H, "Hùng Vương", Art112),
        ("2025-04-30", H, "30/4", Art112),
        ("2025-05-01", H, "Lao động", Art112),
        ("2025-05-02", S, "hoán đổi", "8726/VPCP-KGVX"),
        ("2025-09-01", H, "liền kề", "8726/VPCP-KGVX"),
        ("2025-09-02", H, "Quốc khánh", Art112),

        // 2026 — New Year swap: 12729/VPCP-KGVX (25/12/2025); Tết and National Day: Government Office, 10/2025.
        ("2026-01-01", H, "Tết Dương lịch", Art112),
        ("2026-01-02", S, "hoán đổi", "12729/VPCP-KGVX"),
        ("2026-02-16", H, "29 tháng Chạp", "Phạm Minh Chính"),
        ("2026-02-17", H, "mùng 1", "Phạm Minh Chính"),
        ("2026-02-18", H, "mùng 2", "Phạm Minh Chính"),
        ("2026-02-19", H, "mùng 3", "Phạm Minh Chính"),
        ("2026-02-20", H, "mùng 4", "Phạm Minh Chính"),
        ("2026-04-26", H, "Hùng Vương", Art112),
        ("2026-04-27", C, "Nghỉ bù", Art111),
        ("2026-04-30", H, "30/4", Art112),
        ("2026-05-01", H, "Lao động", Art112),
        ("2026-08-31", S, "hoán đổi", "Phạm Minh Chính"),
        ("2026-09-01", H, "liền kề", "Phạm Minh Chính"),
        ("2026-09-02", H, "Quốc khánh", Art112),
    ];

    /// <summary>Every Saturday worked in exchange for a swapped weekday (date worked, weekday it replaces, source).</summary>
    public static readonly (string Date, string Replaces, string Source)[] SaturdaysWorked =
    [
        ("2024-05-04", "2024-04-29", "2450/VPCP-KGVX"),
        ("2025-04-26", "2025-05-02", "8726/VPCP-KGVX"),
        ("2026-01-10", "2026-01-02", "12729/VPCP-KGVX"),
        ("2026-08-22", "2026-08-31", "Phạm Minh Chính"),
    ];

    public static IEnumerable<object[]> DaysOff() =>
        Rows.Select(r => new object[] { r.Date, r.Reason, r.Name, r.Source });

    public static IEnumerable<object[]> Worked() =>
        SaturdaysWorked.Select(r => new object[] { r.Date, r.Replaces, r.Source });

    public static IEnumerable<object[]> Years() => Enumerable.Range(2020, 7).Select(y => new object[] { y });

    public static LocalDate Parse(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
