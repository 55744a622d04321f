namespace Ktxh.Workflow.Sharing;

/// <summary>
/// Why a statistical datum may not be shared, after the province's regulation on coordinating and sharing statistical
/// information (seed 003, <c>003-statistics-sharing-regulation.txt</c>: Quy chế phối hợp, chia sẻ thông tin thống kê
/// giữa Cục Thống kê với các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân cấp huyện). Each value names its clause.
/// </summary>
/// <remarks>The names are stable: hosts may match on <see cref="KtxhError.Code"/>.</remarks>
public enum SharingErrorCode
{
    /// <summary>The datum is a state secret (Điều 8 khoản 1).</summary>
    StateSecret = 1,

    /// <summary>The indicator is classified as never shared (<see cref="Ktxh.Indicators.Confidentiality.NeverShared"/>, Điều 8).</summary>
    NeverSharedIndicator = 2,

    /// <summary>
    /// The indicator is shared only between the bodies of the reporting system
    /// (<see cref="Ktxh.Indicators.Confidentiality.Internal"/>) and the recipient is outside it (Điều 2, Điều 4 khoản 3).
    /// </summary>
    InternalOnly = 3,

    /// <summary>The datum is tied to the name and address of an organisation or person that has not consented (Điều 8 khoản 2).</summary>
    NamedSubjectWithoutConsent = 4,

    /// <summary>The datum's quality is not assured: it failed its checks (Điều 8 khoản 3).</summary>
    QualityNotAssured = 5,

    /// <summary>The datum has been falsified (Điều 8 khoản 3).</summary>
    Falsified = 6,

    /// <summary>The share serves a private interest to the harm of the nation, the community or others (Điều 8 khoản 4).</summary>
    HarmfulPrivatePurpose = 7,

    /// <summary>The datum was received under an agreement not to pass it on to a third party (Điều 8 khoản 5).</summary>
    NoOnwardSharingAgreement = 8,

    /// <summary>
    /// The datum belongs to the provincial statistical indicator system and the statistics office has not published it
    /// yet at the instant of the decision (Điều 7 khoản 1 điểm b).
    /// </summary>
    NotYetPublished = 9,
}
