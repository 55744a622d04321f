using System.Text;

namespace Ktxh.Workflow.Accounts;

/// <summary>
/// A user account name of the form <c>hovaten_tendonvi</c>: the person's full name, then an underscore, then the
/// unit's name, both without diacritics (seed 002 Điều 3 khoản 9, <c>002-hanoi-ktxh-system-regulation.txt</c>:
/// "được định dạng theo cấu trúc tài khoản dùng chung của Thành phố (hovaten_tendonvi)").
/// </summary>
/// <remarks>
/// <para>The regulation gives the pattern only by its own spelling, and the spelling says the rest: <c>hovaten</c> is
/// "họ và tên" and <c>tendonvi</c> is "tên đơn vị" with diacritics removed, đ written d, in lower case, and the spaces
/// between words dropped; the one underscore separates the person from the unit. So <see cref="Create"/> makes each
/// part by removing diacritics (<see cref="VietnameseText.RemoveDiacritics"/>, đ → d), lower-casing, and keeping only
/// the letters a–z and digits 0–9 (spaces, hyphens, dots, apostrophes and brackets are dropped):
/// ("Họ và tên", "Tên đơn vị") gives <c>hovaten_tendonvi</c>; ("Nguyễn Văn An", "Sở Tài chính") gives
/// <c>nguyenvanan_sotaichinh</c>; ("Đặng Thị Đào", "UBND phường Đống Đa") gives <c>dangthidao_ubndphuongdongda</c>.</para>
/// <para>A part that keeps no letter or digit is an error (<see cref="CredentialErrorCode.EmptyFullName"/>,
/// <see cref="CredentialErrorCode.EmptyUnitName"/>); a letter that has no a–z form once diacritics are removed (ß, ø,
/// a Chinese character) is an error too (<see cref="CredentialErrorCode.UnsupportedCharacter"/>) rather than being
/// dropped silently. The regulation sets no maximum length and says nothing of two people with the same name in a unit:
/// a host that needs one adds its own suffix, such as a digit, to the name part. The host chooses which unit name to
/// pass (the full name or its usual short form). Immutable and thread-safe.</para>
/// </remarks>
public sealed record AccountName
{
    /// <summary>The field names used in error locations.</summary>
    public const string FullNameField = "fullName", UnitNameField = "unitName", AccountNameField = "accountName";

    private AccountName(string person, string unit)
    {
        PersonPart = person;
        UnitPart = unit;
    }

    /// <summary>Gets the part before the underscore: the full name, such as <c>nguyenvanan</c>.</summary>
    public string PersonPart { get; }

    /// <summary>Gets the part after the underscore: the unit name, such as <c>sotaichinh</c>.</summary>
    public string UnitPart { get; }

    /// <summary>Gets the account name, such as <c>nguyenvanan_sotaichinh</c>.</summary>
    public string Value => PersonPart + "_" + UnitPart;

    /// <summary>Makes the account name of a person in a unit.</summary>
    /// <param name="fullName">The person's full name (họ và tên), such as <c>Nguyễn Văn An</c>.</param>
    /// <param name="unitName">The unit's name (tên đơn vị), such as <c>Sở Tài chính</c>.</param>
    /// <returns>The account name, or every error (an empty part, an unsupported letter), located at the field <c>fullName</c> or <c>unitName</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KtxhResult<AccountName> Create(string fullName, string unitName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        ArgumentNullException.ThrowIfNull(unitName);
        var errors = new List<KtxhError>();
        string person = Part(fullName, FullNameField, CredentialErrorCode.EmptyFullName, "họ và tên", "full name", errors);
        string unit = Part(unitName, UnitNameField, CredentialErrorCode.EmptyUnitName, "tên đơn vị", "unit name", errors);
        return KtxhResult.FromErrorsOr(errors, () => new AccountName(person, unit));
    }

    /// <summary>Reads an existing account name and checks its form: lower-case a–z and 0–9 on both sides of exactly one underscore.</summary>
    /// <param name="text">The account name, such as <c>nguyenvanan_sotaichinh</c>.</param>
    /// <returns>The account name, or an error <see cref="CredentialErrorCode.InvalidAccountName"/> at the field <c>accountName</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static KtxhResult<AccountName> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int underscore = text.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0 && underscore < text.Length - 1
            && text.IndexOf('_', underscore + 1) < 0
            && text.AsSpan(0, underscore).ContainsAnyExcept(Allowed) is false
            && text.AsSpan(underscore + 1).ContainsAnyExcept(Allowed) is false)
        {
            return KtxhResult.ForValue(new AccountName(text[..underscore], text[(underscore + 1)..]));
        }

        return KtxhResult<AccountName>.ForError(KtxhError.Create(
            CredentialErrorCode.InvalidAccountName,
            ErrorLocation.AtField(AccountNameField),
            "Tên tài khoản phải có dạng hovaten_tendonvi: chữ thường không dấu a–z và chữ số, một dấu gạch dưới giữa họ tên và tên đơn vị (Điều 3 khoản 9).",
            "An account name has the form hovaten_tendonvi: lower-case a–z without diacritics and digits, one underscore between the person's name and the unit's name (Art. 3(9))."));
    }

    /// <summary>Tries to read an existing account name (see <see cref="Parse"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="accountName">The account name, or <see langword="null"/>.</param>
    /// <returns>Whether the text is an account name.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AccountName? accountName)
    {
        accountName = null;
        return text is not null && Parse(text).TryGetValue(out accountName);
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    private static string Part(string name, string field, CredentialErrorCode emptyCode, string whatVi, string whatEn, List<KtxhError> errors)
    {
        string plain = VietnameseText.RemoveDiacritics(name.Normalize(NormalizationForm.FormC));
        var sb = new StringBuilder(plain.Length);
        var unsupported = new List<string>();
        foreach (Rune rune in plain.EnumerateRunes())
        {
            if (rune.IsAscii && Rune.IsLetterOrDigit(rune))
            {
                sb.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else if (Rune.IsLetterOrDigit(rune) && !unsupported.Contains(rune.ToString()))
            {
                unsupported.Add(rune.ToString());
            }
        }

        if (unsupported.Count > 0)
        {
            string list = string.Join(" ", unsupported);
            errors.Add(KtxhError.Create(
                CredentialErrorCode.UnsupportedCharacter,
                ErrorLocation.AtField(field),
                $"Ký tự \"{list}\" trong {whatVi} không có dạng chữ Latinh không dấu để đặt tên tài khoản hovaten_tendonvi (Điều 3 khoản 9).",
                $"The character(s) \"{list}\" in the {whatEn} have no plain Latin form for a hovaten_tendonvi account name (Art. 3(9))."));
        }
        else if (sb.Length == 0)
        {
            errors.Add(KtxhError.Create(
                emptyCode,
                ErrorLocation.AtField(field),
                $"{Capitalise(whatVi)} không có chữ cái hay chữ số nào để đặt tên tài khoản hovaten_tendonvi (Điều 3 khoản 9).",
                $"The {whatEn} has no letter or digit to make a hovaten_tendonvi account name from (Art. 3(9))."));
        }

        return sb.ToString();
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
