using Ktxh.Indicators;
using NodaTime;

namespace Ktxh.Workflow.Sharing;

/// <summary>
/// Decides whether a statistical datum may be shared, after the province's regulation on coordinating and sharing
/// statistical information (seed 003, <c>003-statistics-sharing-regulation.txt</c>: Quy chế phối hợp, chia sẻ thông tin
/// thống kê giữa Cục Thống kê với các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân cấp huyện).
/// </summary>
/// <remarks>
/// <para>A share is refused for each of these reasons, and every reason that applies is listed:</para>
/// <list type="number">
/// <item><description>a state secret (Điều 8 khoản 1);</description></item>
/// <item><description>an indicator the catalogue classes as never shared (<see cref="Confidentiality.NeverShared"/>, Điều 8);</description></item>
/// <item><description>an indicator shared only within the reporting system (<see cref="Confidentiality.Internal"/> or
/// stricter) requested from outside it (Điều 2, Điều 4 khoản 3);</description></item>
/// <item><description>a datum tied to the name and address of an organisation or person that has not consented (Điều 8 khoản 2);</description></item>
/// <item><description>a datum of unassured quality, and a falsified datum (Điều 8 khoản 3; two reasons);</description></item>
/// <item><description>a share serving a private interest to others' harm (Điều 8 khoản 4);</description></item>
/// <item><description>a datum received under an agreement not to pass it on to a third party (Điều 8 khoản 5);</description></item>
/// <item><description>a datum of the provincial statistical indicator system not yet published by the statistics office
/// at the instant of the decision (Điều 7 khoản 1 điểm b: "trừ các thông tin thuộc hệ thống chỉ tiêu cấp tỉnh, cấp
/// huyện, cấp xã khi chưa được Cục Thống kê công bố"). Published at the very instant of the decision counts as
/// published.</description></item>
/// </list>
/// <para>Each rule depends on one fact and only ever refuses more when its fact is more restrictive, so the rules are
/// monotone: adding a restriction to the facts or the request never turns a refusal into an allowance, and never
/// removes a reason. Information that Điều 6 khoản 1 điểm c lets a body <i>provide</i> to the statistics office under the
/// secrecy regime is coordination, not sharing, and stays outside these rules. Pure functions; thread-safe.</para>
/// </remarks>
public static class SharingRules
{
    /// <summary>Decides at a given instant.</summary>
    /// <param name="facts">The datum's sharing facts.</param>
    /// <param name="request">To whom and for what.</param>
    /// <param name="at">The instant of the decision (publication is judged against it).</param>
    /// <returns>The decision, with every reason for a refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/> has an audience that is not defined.</exception>
    public static SharingDecision Decide(SharingFacts facts, SharingRequest request, Instant at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Audience))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Audience, "Unknown sharing audience.");
        }

        var reasons = new List<KtxhError>();
        if (facts.IsStateSecret)
        {
            reasons.Add(Refuse(
                SharingErrorCode.StateSecret,
                nameof(SharingFacts.IsStateSecret),
                "Thông tin thống kê thuộc danh mục bí mật Nhà nước không được phép cung cấp, chia sẻ",
                "Statistical information on the list of state secrets may not be provided or shared"));
        }

        if (facts.Confidentiality == Confidentiality.NeverShared)
        {
            reasons.Add(Refuse(
                SharingErrorCode.NeverSharedIndicator,
                nameof(SharingFacts.Confidentiality),
                "Chỉ tiêu được phân loại không bao giờ chia sẻ",
                "The indicator is classified as never shared"));
        }

        if (facts.Confidentiality >= Confidentiality.Internal && request.Audience == SharingAudience.Outside)
        {
            reasons.Add(Refuse(
                SharingErrorCode.InternalOnly,
                nameof(SharingRequest.Audience),
                "Chỉ tiêu chỉ được chia sẻ giữa Cục Thống kê và các sở, ban, ngành, Ủy ban nhân dân; người nhận không thuộc các cơ quan này",
                "The indicator is shared only between the statistics office and the departments and people's committees; the recipient is not one of them"));
        }

        if (facts.NamesSubject && !facts.SubjectConsented)
        {
            reasons.Add(Refuse(
                SharingErrorCode.NamedSubjectWithoutConsent,
                nameof(SharingFacts.SubjectConsented),
                "Thông tin thống kê gắn với tên, địa chỉ cụ thể của tổ chức, cá nhân chưa được tổ chức, cá nhân đó đồng ý cho cung cấp",
                "The statistical information is tied to the name and address of an organisation or person that has not agreed to its being provided"));
        }

        if (facts.QualityNotAssured)
        {
            reasons.Add(Refuse(
                SharingErrorCode.QualityNotAssured,
                nameof(SharingFacts.QualityNotAssured),
                "Thông tin thống kê không bảo đảm chất lượng",
                "The quality of the statistical information is not assured"));
        }

        if (facts.Falsified)
        {
            reasons.Add(Refuse(
                SharingErrorCode.Falsified,
                nameof(SharingFacts.Falsified),
                "Thông tin thống kê đã bị làm sai lệch",
                "The statistical information has been falsified"));
        }

        if (request.HarmsOthersForPrivateInterest)
        {
            reasons.Add(Refuse(
                SharingErrorCode.HarmfulPrivatePurpose,
                nameof(SharingRequest.HarmsOthersForPrivateInterest),
                "Việc chia sẻ phục vụ lợi ích riêng của tổ chức, cá nhân, gây phương hại tới lợi ích quốc gia, cộng đồng hoặc lợi ích hợp pháp của tổ chức, cá nhân khác",
                "The share serves a private interest to the harm of the national interest, the community or the lawful interests of others"));
        }

        if (facts.NoOnwardSharingAgreement)
        {
            reasons.Add(Refuse(
                SharingErrorCode.NoOnwardSharingAgreement,
                nameof(SharingFacts.NoOnwardSharingAgreement),
                "Thông tin thống kê được cung cấp, chia sẻ theo thỏa thuận không tiếp tục cung cấp, chia sẻ cho bên thứ ba",
                "The statistical information was received under an agreement not to pass it on to a third party"));
        }

        if (facts.EmbargoedUntilPublished && !facts.IsPublishedAt(at))
        {
            reasons.Add(Refuse(
                SharingErrorCode.NotYetPublished,
                nameof(SharingFacts.PublishedAt),
                "Thông tin thuộc hệ thống chỉ tiêu thống kê cấp tỉnh, cấp huyện, cấp xã chưa được Cục Thống kê công bố",
                "The information belongs to the provincial statistical indicator system and the statistics office has not yet published it"));
        }

        return new SharingDecision(at, reasons);
    }

    /// <summary>Decides now, by the injected clock.</summary>
    /// <param name="facts">The datum's sharing facts.</param>
    /// <param name="request">To whom and for what.</param>
    /// <param name="clock">The clock giving the instant of the decision.</param>
    /// <returns>The decision, with every reason for a refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/> has an audience that is not defined.</exception>
    public static SharingDecision Decide(SharingFacts facts, SharingRequest request, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Decide(facts, request, clock.GetCurrentInstant());
    }

    /// <summary>Gets the clause of seed 003 a reason rests on, in Vietnamese (<c>Điều 8 khoản 1</c>) and English (<c>Art. 8(1)</c>).</summary>
    /// <param name="code">The reason.</param>
    /// <returns>The clause in both languages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static (string Vi, string En) ClauseOf(SharingErrorCode code) => code switch
    {
        SharingErrorCode.StateSecret => ("Điều 8 khoản 1", "Art. 8(1)"),
        SharingErrorCode.NeverSharedIndicator => ("Điều 8", "Art. 8"),
        SharingErrorCode.InternalOnly => ("Điều 2, Điều 4 khoản 3", "Arts. 2 and 4(3)"),
        SharingErrorCode.NamedSubjectWithoutConsent => ("Điều 8 khoản 2", "Art. 8(2)"),
        SharingErrorCode.QualityNotAssured or SharingErrorCode.Falsified => ("Điều 8 khoản 3", "Art. 8(3)"),
        SharingErrorCode.HarmfulPrivatePurpose => ("Điều 8 khoản 4", "Art. 8(4)"),
        SharingErrorCode.NoOnwardSharingAgreement => ("Điều 8 khoản 5", "Art. 8(5)"),
        SharingErrorCode.NotYetPublished => ("Điều 7 khoản 1 điểm b", "Art. 7(1)(b)"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown sharing error code."),
    };

    private static KtxhError Refuse(SharingErrorCode code, string field, string vi, string en)
    {
        (string clauseVi, string clauseEn) = ClauseOf(code);
        return KtxhError.Create(
            code,
            ErrorLocation.AtField(field),
            $"Không được chia sẻ: {vi} ({clauseVi}, Quy chế phối hợp, chia sẻ thông tin thống kê).",
            $"May not be shared: {en} ({clauseEn}, regulation on coordinating and sharing statistical information).");
    }
}
