using Ktxh.Periods;

namespace Ktxh.Indicators.Forms;

/// <summary>
/// A report form (biểu mẫu): its code, period, cut-off and deadline, who fills and who receives it, its rows
/// (indicators) and columns. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Form codes in the statistical regime look like <c>001.T/BCC-XXXX</c> (TT 20/2024/TT-BKHĐT); <see cref="ParsedCode"/>
/// gives their parts when the code has that form. Forms of the administrative regime have free codes.
/// The cut-off convention and the deadline rule are the Ktxh.Periods objects (<see cref="CutoffConvention"/>,
/// <see cref="DeadlineRule"/>), so a form's windows and deadlines are computed by the working calendar
/// (Decree 09/2019/NĐ-CP Art. 12–13).
/// </remarks>
public sealed class ReportForm
{
    /// <summary>Gets the form code (<c>001.T/BCC-XXXX</c> or a free code).</summary>
    public required string Code { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the parsed parts of <see cref="Code"/>, or <see langword="null"/> when it is not a statistical form code.</summary>
    public ReportFormCode? ParsedCode => ReportFormCode.TryParse(Code, out ReportFormCode parsed) ? parsed : null;

    /// <summary>Gets the Vietnamese name.</summary>
    public required string NameVi { get; init => field = VietnameseText.NormalizeName(value) ?? string.Empty; }

    /// <summary>Gets the English name, if any.</summary>
    public string? NameEn { get; init => field = VietnameseText.NormalizeName(value); }

    /// <summary>Gets the form's version (such as the issuing decision or a revision number).</summary>
    public string Version { get; init => field = VietnameseText.Normalize(value) ?? "1"; } = "1";

    /// <summary>Gets the kind of period the form is filed for.</summary>
    public required PeriodType PeriodType { get; init; }

    /// <summary>
    /// Gets a value indicating whether the form mixes periods (a mixed form, <c>H</c>): its rows may be reported for
    /// other period types than <see cref="PeriodType"/>. True when the code's period part is <c>H</c> or when set.
    /// </summary>
    public bool MixedPeriods { get => field || ParsedCode?.PeriodKind == FormPeriodKind.Mixed; init; }

    /// <summary>
    /// Gets the cut-off convention that gives each period's data window (Decree 09/2019/NĐ-CP Art. 12 for the
    /// administrative regime, calendar periods for the statistical regime), if stated.
    /// </summary>
    public CutoffConvention? Cutoff { get; init; }

    /// <summary>Gets the deadline rule (such as "day 12 of the next month", Decree 09/2019/NĐ-CP Art. 13), if stated.</summary>
    public DeadlineRule? Deadline { get; init; }

    /// <summary>Gets the name of <see cref="Cutoff"/> (<c>calendar</c>, <c>decree09</c>), as written in JSON; <see langword="null"/> when none.</summary>
    public string? CutOffId => Cutoff?.Name;

    /// <summary>Gets the canonical id of <see cref="Deadline"/> (<c>day-of-month-after:12</c>), as written in JSON; <see langword="null"/> when none.</summary>
    public string? DeadlineRuleId => Deadline?.Id;

    /// <summary>Gets the code of the agency that owns the form, if any.</summary>
    public string? AgencyCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the kinds of unit that fill the form (such as <c>department</c>, <c>commune</c>).</summary>
    public IReadOnlyList<string> FilledBy { get; init => field = (value?.Select(v => VietnameseText.Normalize(v)!).ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Gets who receives the form (such as <c>statistics-office</c>).</summary>
    public IReadOnlyList<string> ReceivedBy { get; init => field = (value?.Select(v => VietnameseText.Normalize(v)!).ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Gets the rows, in order.</summary>
    public IReadOnlyList<FormRow> Rows { get; init => field = (value?.ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Gets the columns, in order.</summary>
    public IReadOnlyList<FormColumn> Columns { get; init => field = (value?.ToArray() ?? []).AsReadOnly(); } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {NameVi}";
}
