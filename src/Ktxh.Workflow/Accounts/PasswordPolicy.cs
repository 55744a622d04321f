using System.Globalization;
using System.Text;
using NodaTime;

namespace Ktxh.Workflow.Accounts;

/// <summary>
/// The password rules of seed 002 Điều 16 khoản 6 (<c>002-hanoi-ktxh-system-regulation.txt</c>, the regulation issued
/// with Hanoi's Quyết định 690/QĐ-UBND of 12/02/2025): a password has at least 8 characters with upper-case letters,
/// lower-case letters, special characters and digits (điểm a), and does not contain easy words such as the name, the
/// birth date or the phone number (điểm b). A helper a host calls when a password is set; it never stores, logs or
/// echoes the password.
/// </summary>
/// <remarks>
/// <para>How each rule is decided (the regulation names the rules; these choices are the SDK's):</para>
/// <list type="bullet">
/// <item><description>Length counts characters as a person sees them (text elements after Unicode NFC), so "ế" counts
/// once whether it was typed composed or decomposed.</description></item>
/// <item><description>Upper case and lower case are Unicode letters of that case (Vietnamese "Ă", "đ" count); a digit
/// is 0–9; a special character is a punctuation mark or a symbol (<c>! @ # $ % ^ &amp; * - _ . / ~</c>…). White space,
/// control characters and letters without case count towards the length only.</description></item>
/// <item><description>Easy words are looked for in the password folded (<see cref="VietnameseText.Fold"/>: no
/// diacritics, đ → d, lower case) with every character that is not a letter or a digit removed, so "An.Nguyen" and
/// "ANNGUYEN" are found alike and a letter still separates two groups of digits.</description></item>
/// <item><description>The name: folded and split into parts ("Nguyễn Văn An" → nguyen, van, an); refused are every part
/// of at least <see cref="MinimumNamePartLength"/> letters, every two parts joined in either order ("vanan",
/// "annguyen") and the whole name joined ("nguyenvanan"). Shorter single parts ("an") are too common inside ordinary
/// words to refuse alone.</description></item>
/// <item><description>The birth date, in the usual Vietnamese forms with or without separators (/, -, ., space): ddMMyyyy,
/// ddMMyy, yyyyMMdd, d M yyyy without leading zeros, dd/MM (ddMM) and the year yyyy alone. For 05/03/1990: 05031990,
/// 050390, 19900305, 531990, 0503 and 1990.</description></item>
/// <item><description>The phone number: its digits (a leading +84 or 84 read as the trunk 0); refused is any password
/// holding its last 6 digits or more (which covers the whole number with or without the leading 0). A number of fewer
/// than 6 digits is refused whole when it has at least 3.</description></item>
/// <item><description>Other easy words the host gives (<see cref="PasswordOwner.OtherWords"/>), folded the same way, when
/// they have at least 3 letters or digits.</description></item>
/// </list>
/// <para>Every broken rule is reported, each as a <see cref="KtxhError"/> with a <see cref="CredentialErrorCode"/>, at
/// the field <c>password</c>, in Vietnamese and English; no message quotes the password or the part of it that
/// matched, since a password is kept secret (Điều 16 khoản 3 and 5) and error messages end up in logs. Immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class PasswordPolicy
{
    /// <summary>The smallest minimum length a policy may have: 8 characters (seed 002 Điều 16 khoản 6 điểm a).</summary>
    public const int RegulationMinimumLength = 8;

    /// <summary>The field name used in error locations.</summary>
    public const string PasswordField = "password";

    private const string Source = "Quy chế kèm QĐ 690/QĐ-UBND Hà Nội";
    private const string SourceEn = "regulation of Hanoi Decision 690/QĐ-UBND";

    /// <summary>Gets the policy of the regulation: 8 characters at least, name parts of 3 letters or more.</summary>
    public static PasswordPolicy Default { get; } = new();

    /// <summary>Gets the minimum length in characters; at least <see cref="RegulationMinimumLength"/> (a host may be stricter, never laxer).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below <see cref="RegulationMinimumLength"/> or above 1024.</exception>
    public int MinimumLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, RegulationMinimumLength);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024);
            field = value;
        }
    } = RegulationMinimumLength;

    /// <summary>Gets the length from which a single name part is refused on its own (default 3: "van" is, "an" is not); 1 to 64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1–64.</exception>
    public int MinimumNamePartLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64);
            field = value;
        }
    } = 3;

    /// <summary>Checks a password against every rule.</summary>
    /// <param name="password">The password, as typed.</param>
    /// <param name="owner">What is known about the owner; <see langword="null"/> skips the easy-word rules.</param>
    /// <returns>The password's make-up, or every broken rule (codes <see cref="CredentialErrorCode.TooShort"/> to <see cref="CredentialErrorCode.ContainsEasyWord"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is null.</exception>
    public KtxhResult<PasswordCheck> Check(string password, PasswordOwner? owner = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        string nfc = password.IsNormalized(NormalizationForm.FormC) ? password : password.Normalize(NormalizationForm.FormC);
        int length = new StringInfo(nfc).LengthInTextElements;
        int upper = 0, lower = 0, digits = 0, special = 0;
        foreach (Rune rune in nfc.EnumerateRunes())
        {
            if (Rune.IsUpper(rune))
            {
                upper++;
            }
            else if (Rune.IsLower(rune))
            {
                lower++;
            }
            else if (rune.IsAscii && Rune.IsDigit(rune))
            {
                digits++;
            }
            else if (Rune.IsPunctuation(rune) || Rune.IsSymbol(rune))
            {
                special++;
            }
        }

        var errors = new List<KtxhError>();
        if (length < MinimumLength)
        {
            errors.Add(Error(
                CredentialErrorCode.TooShort,
                $"Mật khẩu phải có ít nhất {MinimumLength} ký tự ({Source}, Điều 16 khoản 6 điểm a).",
                $"The password must be at least {MinimumLength} characters long ({SourceEn}, Art. 16(6)(a))."));
        }

        if (upper == 0)
        {
            errors.Add(Error(
                CredentialErrorCode.MissingUpperCase,
                $"Mật khẩu phải có chữ hoa ({Source}, Điều 16 khoản 6 điểm a).",
                $"The password must contain an upper-case letter ({SourceEn}, Art. 16(6)(a))."));
        }

        if (lower == 0)
        {
            errors.Add(Error(
                CredentialErrorCode.MissingLowerCase,
                $"Mật khẩu phải có chữ thường ({Source}, Điều 16 khoản 6 điểm a).",
                $"The password must contain a lower-case letter ({SourceEn}, Art. 16(6)(a))."));
        }

        if (digits == 0)
        {
            errors.Add(Error(
                CredentialErrorCode.MissingDigit,
                $"Mật khẩu phải có chữ số ({Source}, Điều 16 khoản 6 điểm a).",
                $"The password must contain a digit ({SourceEn}, Art. 16(6)(a))."));
        }

        if (special == 0)
        {
            errors.Add(Error(
                CredentialErrorCode.MissingSpecialCharacter,
                $"Mật khẩu phải có ký tự đặc biệt, như ! @ # $ % & * ({Source}, Điều 16 khoản 6 điểm a).",
                $"The password must contain a special character such as ! @ # $ % & * ({SourceEn}, Art. 16(6)(a))."));
        }

        if (owner is not null)
        {
            AddEasyWordErrors(Squeeze(password), owner, errors);
        }

        return KtxhResult.FromErrorsOr<PasswordCheck>(errors, () => new PasswordCheck(length, upper, lower, digits, special));
    }

    /// <summary>Gets the name fragments a password of <paramref name="fullName"/>'s owner must not contain (folded, see the remarks of <see cref="PasswordPolicy"/>).</summary>
    /// <param name="fullName">The full name.</param>
    /// <returns>The fragments, longest first, without repeats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fullName"/> is null.</exception>
    public IReadOnlyList<string> ForbiddenNameFragments(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        string[] parts = Parts(fullName);
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            if (part.Length >= MinimumNamePartLength)
            {
                fragments.Add(part);
            }
        }

        for (int i = 0; i < parts.Length; i++)
        {
            for (int j = 0; j < parts.Length; j++)
            {
                if (i != j && parts[i].Length + parts[j].Length >= MinimumNamePartLength)
                {
                    fragments.Add(parts[i] + parts[j]);
                }
            }
        }

        if (parts.Length > 0 && string.Concat(parts).Length >= MinimumNamePartLength)
        {
            fragments.Add(string.Concat(parts));
        }

        return fragments.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    /// <summary>Gets the birth-date forms a password must not contain: ddMMyyyy, ddMMyy, yyyyMMdd, d M yyyy without leading zeros, ddMM and yyyy.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>The forms as digit strings, without repeats.</returns>
    public static IReadOnlyList<string> ForbiddenBirthDateForms(LocalDate birthDate)
    {
        var forms = new List<string>();
        string dd = birthDate.Day.ToString("00", CultureInfo.InvariantCulture);
        string mm = birthDate.Month.ToString("00", CultureInfo.InvariantCulture);
        if (birthDate.Year >= 1)
        {
            string yyyy = birthDate.Year.ToString("0000", CultureInfo.InvariantCulture);
            string yy = (birthDate.Year % 100).ToString("00", CultureInfo.InvariantCulture);
            string d = birthDate.Day.ToString(CultureInfo.InvariantCulture);
            string m = birthDate.Month.ToString(CultureInfo.InvariantCulture);
            forms.Add(dd + mm + yyyy);
            forms.Add(dd + mm + yy);
            forms.Add(yyyy + mm + dd);
            forms.Add(d + m + yyyy);
            forms.Add(yyyy);
        }

        forms.Add(dd + mm);
        return forms.Distinct(StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    /// <summary>Gets the phone-number digits a password must not contain: the last 6 digits (or the whole number when shorter, from 3 digits).</summary>
    /// <param name="phoneNumber">The phone number in any writing.</param>
    /// <returns>The digit string to refuse, or <see langword="null"/> when the number has fewer than 3 digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phoneNumber"/> is null.</exception>
    public static string? ForbiddenPhoneDigits(string phoneNumber)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        string digits = new(phoneNumber.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 3)
        {
            return null;
        }

        // Which trunk prefix (+84, 84, 0) was written does not matter: the last 6 digits are the same in every form.
        return digits.Length <= 6 ? digits : digits[^6..];
    }

    private void AddEasyWordErrors(string squeezed, PasswordOwner owner, List<KtxhError> errors)
    {
        if (owner.FullName is { } name && ForbiddenNameFragments(name).Any(f => squeezed.Contains(f, StringComparison.Ordinal)))
        {
            errors.Add(Error(
                CredentialErrorCode.ContainsName,
                $"Mật khẩu không được chứa tên của người dùng ({Source}, Điều 16 khoản 6 điểm b).",
                $"The password must not contain the user's name ({SourceEn}, Art. 16(6)(b))."));
        }

        if (owner.BirthDate is { } birth && ForbiddenBirthDateForms(birth).Any(f => squeezed.Contains(f, StringComparison.Ordinal)))
        {
            errors.Add(Error(
                CredentialErrorCode.ContainsBirthDate,
                $"Mật khẩu không được chứa ngày sinh của người dùng ({Source}, Điều 16 khoản 6 điểm b).",
                $"The password must not contain the user's birth date ({SourceEn}, Art. 16(6)(b))."));
        }

        if (owner.PhoneNumber is { } phone && ForbiddenPhoneDigits(phone) is { } phoneDigits && squeezed.Contains(phoneDigits, StringComparison.Ordinal))
        {
            errors.Add(Error(
                CredentialErrorCode.ContainsPhoneNumber,
                $"Mật khẩu không được chứa số điện thoại của người dùng ({Source}, Điều 16 khoản 6 điểm b).",
                $"The password must not contain the user's phone number ({SourceEn}, Art. 16(6)(b))."));
        }

        if (owner.OtherWords.Select(Squeeze).Any(w => w.Length >= 3 && squeezed.Contains(w, StringComparison.Ordinal)))
        {
            errors.Add(Error(
                CredentialErrorCode.ContainsEasyWord,
                $"Mật khẩu không được chứa từ dễ đoán liên quan đến người dùng ({Source}, Điều 16 khoản 6 điểm b).",
                $"The password must not contain an easy word related to the user ({SourceEn}, Art. 16(6)(b))."));
        }
    }

    // Folded, with everything that is not a letter or a digit removed: the form in which easy words are looked for.
    private static string Squeeze(string? text)
    {
        string folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (Rune rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    // The folded name split at every character that is not a letter or a digit ("Lê-Thị Hồng" → le, thi, hong).
    private static string[] Parts(string fullName)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (Rune rune in VietnameseText.Fold(fullName).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                part.Append(rune.ToString());
            }
            else if (part.Length > 0)
            {
                parts.Add(part.ToString());
                part.Clear();
            }
        }

        if (part.Length > 0)
        {
            parts.Add(part.ToString());
        }

        return [.. parts];
    }

    private static KtxhError Error(CredentialErrorCode code, string vi, string en)
        => KtxhError.Create(code, ErrorLocation.AtField(PasswordField), vi, en);
}
