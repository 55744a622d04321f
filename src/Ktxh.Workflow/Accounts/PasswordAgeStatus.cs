using System.Globalization;
using NodaTime;

namespace Ktxh.Workflow.Accounts;

/// <summary>
/// A password's age judged at one instant by <see cref="PasswordAgePolicy.Evaluate(PasswordIssue, Instant)"/>: whether
/// it must be changed now and, if not, by when.
/// </summary>
/// <param name="State">What the host must do.</param>
/// <param name="Rule">The rule that sets <paramref name="DueAt"/>.</param>
/// <param name="DueAt">The instant from which the password must be changed (it may be used strictly before it).</param>
/// <param name="DueOn">The date of <paramref name="DueAt"/> in the policy's time zone (Vietnam), for messages.</param>
/// <param name="TimeLeft">The time from the evaluation to <paramref name="DueAt"/>; zero or negative once due.</param>
public readonly record struct PasswordAgeStatus(PasswordAgeState State, PasswordAgeRule Rule, Instant DueAt, LocalDate DueOn, Duration TimeLeft)
{
    /// <summary>Gets a value indicating whether the password must be changed now.</summary>
    public bool MustChange => State == PasswordAgeState.MustChangeNow;

    /// <summary>Gets the status in Vietnamese, citing the rule.</summary>
    public string MessageVi => (State, Rule) switch
    {
        (PasswordAgeState.MustChangeNow, PasswordAgeRule.IssuedPassword) =>
            $"Phải đổi mật khẩu do quản trị cấp ngay: hạn đổi trong vòng một ngày sau khi tiếp nhận đã hết ngày {Date} (Điều 16 khoản 2).",
        (PasswordAgeState.MustChangeNow, _) =>
            $"Phải đổi mật khẩu ngay: mật khẩu đã quá 3 tháng sử dụng từ ngày {Date} (Điều 16 khoản 6 điểm c).",
        (_, PasswordAgeRule.IssuedPassword) =>
            $"Mật khẩu do quản trị cấp phải được đổi trước {Date} (trong vòng một ngày sau khi tiếp nhận, Điều 16 khoản 2).",
        _ => $"Mật khẩu phải được đổi trước {Date} (ít nhất 1 lần trong 3 tháng, Điều 16 khoản 6 điểm c).",
    };

    /// <summary>Gets the status in English, citing the rule.</summary>
    public string MessageEn => (State, Rule) switch
    {
        (PasswordAgeState.MustChangeNow, PasswordAgeRule.IssuedPassword) =>
            $"The password issued by an administrator must be changed now: the one day after receipt ran out on {Date} (Art. 16(2)).",
        (PasswordAgeState.MustChangeNow, _) =>
            $"The password must be changed now: it has been in use for 3 months since {Date} (Art. 16(6)(c)).",
        (_, PasswordAgeRule.IssuedPassword) =>
            $"The password issued by an administrator must be changed before {Date} (within one day of receipt, Art. 16(2)).",
        _ => $"The password must be changed before {Date} (at least once every 3 months, Art. 16(6)(c)).",
    };

    /// <summary>
    /// Gets the error a host reports when it refuses to go on until the password is changed (code
    /// <see cref="CredentialErrorCode.IssuedPasswordNotChanged"/> or <see cref="CredentialErrorCode.PasswordExpired"/>,
    /// at the field <c>password</c>), or <see langword="null"/> when the password may still be used.
    /// </summary>
    public KtxhError? Error => MustChange
        ? KtxhError.Create(
            Rule == PasswordAgeRule.IssuedPassword ? CredentialErrorCode.IssuedPasswordNotChanged : CredentialErrorCode.PasswordExpired,
            ErrorLocation.AtField(PasswordPolicy.PasswordField),
            MessageVi,
            MessageEn)
        : null;

    private string Date => DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
