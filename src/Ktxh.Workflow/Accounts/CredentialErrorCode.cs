namespace Ktxh.Workflow.Accounts;

/// <summary>
/// What is wrong with a password, a password's age or an account name, under the account rules of the Hanoi
/// regulation on the socio-economic indicator system (seed 002, <c>002-hanoi-ktxh-system-regulation.txt</c>:
/// Quyết định 690/QĐ-UBND of 12/02/2025, Quy chế quản lý, vận hành và khai thác Hệ thống thông tin lập, đăng ký, giao
/// chỉ tiêu kinh tế - xã hội trên địa bàn thành phố Hà Nội).
/// </summary>
/// <remarks>The names are stable: hosts may match on <see cref="KtxhError.Code"/>.</remarks>
public enum CredentialErrorCode
{
    /// <summary>The password is shorter than the minimum length (8 characters, Điều 16 khoản 6 điểm a).</summary>
    TooShort = 1,

    /// <summary>The password has no upper-case letter (Điều 16 khoản 6 điểm a).</summary>
    MissingUpperCase = 2,

    /// <summary>The password has no lower-case letter (Điều 16 khoản 6 điểm a).</summary>
    MissingLowerCase = 3,

    /// <summary>The password has no digit (Điều 16 khoản 6 điểm a).</summary>
    MissingDigit = 4,

    /// <summary>The password has no special character (Điều 16 khoản 6 điểm a).</summary>
    MissingSpecialCharacter = 5,

    /// <summary>The password contains the person's name or a part of it (Điều 16 khoản 6 điểm b).</summary>
    ContainsName = 6,

    /// <summary>The password contains the person's birth date in a usual form (Điều 16 khoản 6 điểm b).</summary>
    ContainsBirthDate = 7,

    /// <summary>The password contains the person's phone number or its last digits (Điều 16 khoản 6 điểm b).</summary>
    ContainsPhoneNumber = 8,

    /// <summary>The password contains another easy word the host named (the list of Điều 16 khoản 6 điểm b is "such as").</summary>
    ContainsEasyWord = 9,

    /// <summary>A password issued by an administrator was not changed within one day of being received (Điều 16 khoản 2).</summary>
    IssuedPasswordNotChanged = 10,

    /// <summary>The password is older than the maximum age (at least one change every 3 months, Điều 16 khoản 6 điểm c).</summary>
    PasswordExpired = 11,

    /// <summary>The full name gives no letter or digit for an account name (Điều 3 khoản 9: <c>hovaten_tendonvi</c>).</summary>
    EmptyFullName = 12,

    /// <summary>The unit name gives no letter or digit for an account name (Điều 3 khoản 9: <c>hovaten_tendonvi</c>).</summary>
    EmptyUnitName = 13,

    /// <summary>A name holds a letter that has no plain Latin form once diacritics are removed (such as ß, ø or a Chinese character).</summary>
    UnsupportedCharacter = 14,

    /// <summary>A text is not an account name of the form <c>hovaten_tendonvi</c> (Điều 3 khoản 9).</summary>
    InvalidAccountName = 15,
}
