using System.Diagnostics.CodeAnalysis;
using Ktxh.Periods;

namespace Ktxh.Workflow;

/// <summary>
/// The identity of a submission: which form, from which reporting unit, for which period, of which kind. One
/// assignment gives one submission; its revisions and events all belong to it. Immutable.
/// </summary>
/// <remarks>
/// Codes are normalised (NFC, trimmed). <see cref="StreamId"/> is the key of the submission's event stream in an
/// <see cref="IWorkflowStore"/>: <c>kind|form|unit|period</c>, stable across releases.
/// </remarks>
public readonly record struct SubmissionId
{
    /// <summary>Creates an identity.</summary>
    /// <param name="formCode">The form code (<c>001.T/BCC-XXXX</c>), or the request's code for ad hoc and thematic
    /// reports.</param>
    /// <param name="unitCode">The reporting unit's code.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="kind">The kind of report.</param>
    /// <exception cref="ArgumentException">A code is empty or contains <c>|</c>, the period is the default value, or
    /// the kind is undefined.</exception>
    public SubmissionId(string formCode, string unitCode, ReportingPeriod period, SubmissionKind kind = SubmissionKind.Periodic)
    {
        FormCode = Code(formCode, nameof(formCode));
        UnitCode = Code(unitCode, nameof(unitCode));
        if (period.IsDefault)
        {
            throw new ArgumentException("Kỳ báo cáo trống. / The period is empty.", nameof(period));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException("Loại báo cáo không hợp lệ. / The kind is undefined.", nameof(kind));
        }

        Period = period;
        Kind = kind;
    }

    /// <summary>The form code.</summary>
    public string FormCode { get; }

    /// <summary>The reporting unit's code.</summary>
    public string UnitCode { get; }

    /// <summary>The reporting period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>The kind of report.</summary>
    public SubmissionKind Kind { get; }

    /// <summary>The key of the submission's event stream: <c>kind|form|unit|period</c>.</summary>
    public string StreamId => $"{Kind}|{FormCode}|{UnitCode}|{Period.Id}";

    /// <summary>Reads a stream id written by <see cref="StreamId"/>.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="id">The identity, when the text is one.</param>
    /// <returns>Whether the text is a submission's stream id.</returns>
    public static bool TryParseStreamId([NotNullWhen(true)] string? streamId, out SubmissionId id)
    {
        id = default;
        string[] parts = streamId?.Split('|') ?? [];
        if (parts.Length != 4 || !Enum.TryParse(parts[0], out SubmissionKind kind) || !Enum.IsDefined(kind)
            || string.IsNullOrWhiteSpace(parts[1]) || string.IsNullOrWhiteSpace(parts[2])
            || !ReportingPeriod.TryParse(parts[3], out ReportingPeriod period) || int.TryParse(parts[0], out _))
        {
            return false;
        }

        id = new SubmissionId(parts[1], parts[2], period, kind);
        return id.StreamId == streamId;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FormCode} · {UnitCode} · {Period.Id}" + (Kind == SubmissionKind.Periodic ? "" : $" · {Kind}");

    internal static string Code(string? code, string name)
    {
        string? normal = Ktxh.VietnameseText.Normalize(code);
        if (string.IsNullOrEmpty(normal) || normal.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("Mã trống hoặc chứa ký tự '|'. / The code is empty or contains '|'.", name);
        }

        return normal;
    }
}
