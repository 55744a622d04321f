using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Workflow;

/// <summary>
/// The content of a revision: the reported values, the explanatory note (thuyết minh: assessment, proposals, QĐ
/// 690/QĐ-UBND 2025 Điều 13.2, seed 002) and attachment references. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <see cref="Sha256"/> is the hash of the canonical content: values sorted by indicator, disaggregation, column and
/// maturity; every field written in a fixed order with lengths, so no two different contents share a canonical form.
/// Decimals keep their scale (<c>1.50</c> and <c>1.5</c> hash differently: the unit reported what it reported).
/// </remarks>
public sealed class SubmissionContent
{
    private string? _sha256;

    /// <summary>Creates content.</summary>
    /// <param name="values">The reported values.</param>
    /// <param name="note">The explanatory note (thuyết minh), if any.</param>
    /// <param name="attachments">Attachment references.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null or contains null.</exception>
    public SubmissionContent(IEnumerable<DataValue> values, string? note = null, IEnumerable<AttachmentReference>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Any(v => v is null))
        {
            throw new ArgumentNullException(nameof(values), "Một giá trị là null. / A value is null.");
        }

        Values = list.OrderBy(v => v.IndicatorCode, StringComparer.Ordinal)
            .ThenBy(v => v.Disaggregation.Canonical, StringComparer.Ordinal)
            .ThenBy(v => v.Column).ThenBy(v => v.Maturity).ThenBy(v => v.ReportingUnitCode, StringComparer.Ordinal)
            .ThenBy(v => v.Period.Id, StringComparer.Ordinal)
            .ToArray();
        Note = Ktxh.VietnameseText.Normalize(note) is { Length: > 0 } n ? n : null;
        Attachments = (attachments ?? []).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Sha256, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Content with no values, no note and no attachments.</summary>
    public static SubmissionContent Empty { get; } = new([]);

    /// <summary>The values, in canonical order.</summary>
    public IReadOnlyList<DataValue> Values { get; }

    /// <summary>The explanatory note (thuyết minh), or null.</summary>
    public string? Note { get; }

    /// <summary>The attachment references, in canonical order.</summary>
    public IReadOnlyList<AttachmentReference> Attachments { get; }

    /// <summary>The SHA-256 of the canonical content, lower-case hexadecimal.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));

    /// <summary>The canonical bytes that <see cref="Sha256"/> hashes (UTF-8, length-prefixed fields).</summary>
    /// <returns>A new array.</returns>
    public byte[] CanonicalBytes()
    {
        var sb = new StringBuilder();
        Field(sb, "ktxh-content-v1");
        Field(sb, Values.Count.ToString(CultureInfo.InvariantCulture));
        foreach (DataValue v in Values)
        {
            Field(sb, v.IndicatorCode);
            Field(sb, v.ReportingUnitCode);
            Field(sb, v.Period.Id);
            Field(sb, v.Disaggregation.Canonical);
            Field(sb, v.Column.ToString());
            Field(sb, v.Value?.ToString(CultureInfo.InvariantCulture));
            Field(sb, v.Text);
            Field(sb, v.Maturity.ToString());
            Field(sb, v.Comment);
            Field(sb, v.MeasureUnitCode);
        }

        Field(sb, Note);
        Field(sb, Attachments.Count.ToString(CultureInfo.InvariantCulture));
        foreach (AttachmentReference a in Attachments)
        {
            Field(sb, a.Name);
            Field(sb, a.StorageKey);
            Field(sb, a.Sha256);
            Field(sb, a.MediaType);
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Field(StringBuilder sb, string? value)
    {
        // A length prefix (or '-' for null) keeps fields apart whatever characters they contain.
        if (value is null)
        {
            sb.Append("-;");
            return;
        }

        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
