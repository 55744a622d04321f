using Ktxh.Indicators;
using NodaTime;

namespace Ktxh.Workflow.Sharing;

/// <summary>
/// The facts about a statistical datum (a value, a table, a report) that decide whether it may be shared, after seed 003
/// (<c>003-statistics-sharing-regulation.txt</c>, Quy chế phối hợp, chia sẻ thông tin thống kê) Điều 7 khoản 1 điểm b
/// and Điều 8. The defaults describe a public, assured, unrestricted datum; each property set to its other value adds
/// a restriction. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Start from an indicator with <see cref="For(Indicator)"/> (its <see cref="Indicator.Confidentiality"/> and
/// <see cref="Indicator.EmbargoedUntilPublished"/>), then add what is known of the datum itself with <c>with { … }</c>
/// or <see cref="WithPublication"/>. Publication is an event with an instant: the statistics office's release of the
/// figures (<see cref="PublishedAt"/>).
/// </remarks>
public sealed record SharingFacts
{
    /// <summary>Gets who may receive the indicator's values, as classified in the catalogue (default <see cref="Confidentiality.Public"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not defined.</exception>
    public Confidentiality Confidentiality
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown confidentiality.");
    } = Confidentiality.Public;

    /// <summary>Gets a value indicating whether the datum is on the list of state secrets (danh mục bí mật Nhà nước, Điều 8 khoản 1).</summary>
    public bool IsStateSecret { get; init; }

    /// <summary>Gets a value indicating whether the datum is tied to the name and address of a specific organisation or person (Điều 8 khoản 2).</summary>
    public bool NamesSubject { get; init; }

    /// <summary>Gets a value indicating whether the organisation or person the datum names has agreed to its being provided (Điều 8 khoản 2, Điều 7 khoản 1 điểm c); relevant only with <see cref="NamesSubject"/>.</summary>
    public bool SubjectConsented { get; init; }

    /// <summary>Gets a value indicating whether the datum's quality is not assured: it failed its quality checks (Điều 8 khoản 3).</summary>
    public bool QualityNotAssured { get; init; }

    /// <summary>Gets a value indicating whether the datum has been falsified (làm sai lệch, Điều 8 khoản 3).</summary>
    public bool Falsified { get; init; }

    /// <summary>Gets a value indicating whether the datum was received under an agreement not to pass it on to a third party (Điều 8 khoản 5).</summary>
    public bool NoOnwardSharingAgreement { get; init; }

    /// <summary>
    /// Gets a value indicating whether the datum belongs to the provincial (district, commune) statistical indicator
    /// system and is held back until the statistics office publishes it (Điều 7 khoản 1 điểm b).
    /// </summary>
    public bool EmbargoedUntilPublished { get; init; }

    /// <summary>Gets the instant the statistics office published the datum, or <see langword="null"/> while it is unpublished.</summary>
    public Instant? PublishedAt { get; init; }

    /// <summary>Gets the facts an indicator's catalogue entry gives: its confidentiality and whether it is embargoed until published.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The facts, otherwise unrestricted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is null.</exception>
    public static SharingFacts For(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new SharingFacts { Confidentiality = indicator.Confidentiality, EmbargoedUntilPublished = indicator.EmbargoedUntilPublished };
    }

    /// <summary>The same facts once the statistics office has published the datum.</summary>
    /// <param name="publishedAt">The instant of publication.</param>
    /// <returns>The facts with <see cref="PublishedAt"/> set.</returns>
    public SharingFacts WithPublication(Instant publishedAt) => this with { PublishedAt = publishedAt };

    /// <summary>Tells whether the datum counts as published at an instant: published at or before it.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="PublishedAt"/> is set and not after <paramref name="at"/>.</returns>
    public bool IsPublishedAt(Instant at) => PublishedAt is { } published && published <= at;
}
