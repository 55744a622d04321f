using System.Globalization;
using System.Text;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// The deadline of one report: the nominal date its rule gives, the effective date after moving off weekly rest days
/// and holidays, and why the two differ.
/// </summary>
/// <remarks>
/// A deadline that falls on a weekly rest day or a public holiday moves to the next working day (Hanoi regulation
/// QĐ 690/QĐ-UBND 2025 Điều 14.2, seed 002; Civil Code 2015 Art. 148(5)). Immutable and thread-safe.
/// </remarks>
public sealed record Deadline
{
    internal Deadline(ReportingPeriod period, DeadlineRule rule, LocalDate nominal, LocalDate effective,
        CutoffWindow cutoff, IReadOnlyList<DayOff> daysSkipped)
    {
        Period = period;
        Rule = rule;
        Nominal = nominal;
        Effective = effective;
        Cutoff = cutoff;
        DaysSkipped = daysSkipped;
    }

    /// <summary>The reporting period the deadline is for.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>The rule that gave the nominal date.</summary>
    public DeadlineRule Rule { get; }

    /// <summary>The date the rule gives, before any move off a day off.</summary>
    public LocalDate Nominal { get; }

    /// <summary>The date the report is really due: <see cref="Nominal"/>, or the next working day after it.</summary>
    public LocalDate Effective { get; }

    /// <summary>The data cut-off window of the period that the deadline was resolved with.</summary>
    public CutoffWindow Cutoff { get; }

    /// <summary>Whether the nominal date fell on a day off and the deadline moved.</summary>
    public bool IsMoved => Effective != Nominal;

    /// <summary>
    /// The days off, from <see cref="Nominal"/> up to the day before <see cref="Effective"/>, that moved the deadline
    /// (weekly rest days, holidays, compensation days, swapped weekdays); empty when it did not move.
    /// </summary>
    public IReadOnlyList<DayOff> DaysSkipped { get; }

    /// <summary>Why the effective date differs from the nominal one, in Vietnamese (empty when it does not).</summary>
    public string ReasonVi => IsMoved
        ? string.Create(CultureInfo.InvariantCulture,
            $"Hạn {Format(Nominal)} trùng ngày nghỉ ({Describe(d => d.NameVi)}) nên được tính vào ngày làm việc tiếp theo {Format(Effective)} (Bộ luật Dân sự 2015 Điều 148 khoản 5).")
        : string.Empty;

    /// <summary>Why the effective date differs from the nominal one, in English (empty when it does not).</summary>
    public string ReasonEn => IsMoved
        ? string.Create(CultureInfo.InvariantCulture,
            $"The deadline {Format(Nominal)} falls on a day off ({Describe(d => d.NameEn)}), so it moves to the next working day, {Format(Effective)} (Civil Code 2015 Art. 148(5)).")
        : string.Empty;

    /// <summary>A one-line summary such as "2026-M01: hạn 12/02/2026 / due 2026-02-12".</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => IsMoved
        ? $"{Period.Id}: {Rule.Id} → {Format(Nominal)} → {Format(Effective)}"
        : $"{Period.Id}: {Rule.Id} → {Format(Effective)}";

    private string Describe(Func<DayOff, string> name)
    {
        var text = new StringBuilder();
        foreach (var day in DaysSkipped)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(Format(day.Date)).Append(": ").Append(name(day));
        }

        return text.ToString();
    }

    private static string Format(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
