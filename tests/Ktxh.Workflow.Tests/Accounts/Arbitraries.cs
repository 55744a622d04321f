using FsCheck;
using FsCheck.Fluent;
using Ktxh.Workflow.Accounts;
using NodaTime;

namespace Ktxh.Workflow.Tests.Accounts;

/// <summary>FsCheck generators for the credential rules.</summary>
public static class Arbitraries
{
    // The Vietnamese alphabet has no f, j, w or z: a password spelt with these letters cannot contain a Vietnamese name.
    private const string NonVietnameseLetters = "fjwz";
    private const string Specials = "!@#$%^&*-_.~?/+=";
    private const string VietnameseUpper = "ABCDEGHIKLMNOPQRSTUVXYĂÂĐÊÔƠƯÁÀẢÃẠẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ";
    private const string VietnameseLower = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự";

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hương", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Xuân", "Yến", "Ý"];

    /// <summary>A password of every character class for an owner, spelt so that it contains none of the owner's easy words.</summary>
    public static Arbitrary<OwnedPassword> OwnedPassword()
    {
        Gen<char> letter = Gen.Elements((NonVietnameseLetters + NonVietnameseLetters.ToUpperInvariant()).ToCharArray());
        Gen<string> letters = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(letter, n)).Select(a => new string(a));
        Gen<string> digits = Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(a => new string(a));
        Gen<string> specials = Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements(Specials.ToCharArray()), n)).Select(a => new string(a));

        // A chunk is letters, then at most 3 digits, then specials: the next chunk starts with a letter, so no run of
        // 4 digits (a year, a day and month, 6 phone digits) can form, even once the specials are squeezed out.
        Gen<string> chunk = from l in letters from d in digits from s in specials select l + d + s;
        Gen<string> mandatory =
            from u in Gen.Elements(NonVietnameseLetters.ToUpperInvariant().ToCharArray())
            from l in Gen.Elements(NonVietnameseLetters.ToCharArray())
            from d in Gen.Choose(0, 999)
            from s in Gen.Elements(Specials.ToCharArray())
            select $"{u}{l}{d}{s}";
        Gen<string> password =
            from m in mandatory
            from n in Gen.Choose(1, 6)
            from rest in Gen.ArrayOf(chunk, n)
            from order in Gen.Shuffle(rest.Prepend(m).ToArray())
            let text = string.Concat(order)

            // Padded with letters up to the minimum length: letters never join two runs of digits.
            select text.Length >= 8 ? text : text + new string('z', 8 - text.Length);
        return (from p in password from o in Owner() select new OwnedPassword(p, o)).ToArbitrary();
    }

    /// <summary>A password of every character class with Vietnamese letters, sometimes decomposed (NFD), checked without an owner.</summary>
    public static Arbitrary<RichPassword> RichPassword()
    {
        Gen<char> upper = Gen.Elements(VietnameseUpper.ToCharArray());
        Gen<char> lower = Gen.Elements(VietnameseLower.ToCharArray());
        Gen<char> digit = Gen.Elements("0123456789".ToCharArray());
        Gen<char> special = Gen.Elements(Specials.ToCharArray());
        Gen<char> any = Gen.Frequency((3, upper), (5, lower), (2, digit), (2, special), (1, Gen.Constant(' ')));
        return (from u in upper
                from l in lower
                from d in digit
                from s in special
                from n in Gen.Choose(4, 20)
                from rest in Gen.ArrayOf(any, n)
                from order in Gen.Shuffle(rest.Concat([u, l, d, s]).ToArray())
                from nfd in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                let text = new string(order)
                select new RichPassword(nfd ? text.Normalize(System.Text.NormalizationForm.FormD) : text, nfd))
            .ToArbitrary();
    }

    /// <summary>A character class to remove.</summary>
    public static Arbitrary<CharacterClass> CharacterClass() => Gen.Elements(Enum.GetValues<CharacterClass>()).ToArbitrary();

    /// <summary>A Vietnamese full name and a unit name, with random spacing and case.</summary>
    public static Arbitrary<NamePair> NamePair()
    {
        Gen<string> unit = Gen.Elements("Sở Tài chính", "Sở Kế hoạch và Đầu tư", "UBND phường Đống Đa", "Cục Thống kê", "Kho bạc Nhà nước", "Sở Y tế", "UBND xã Đông Anh", "Phường 12");
        return (from n in FullName()
                from u in unit
                from spaces in Gen.Elements(" ", "  ", "\t", " \u00A0")
                select new NamePair(n.Replace(" ", spaces, StringComparison.Ordinal), u))
            .ToArbitrary();
    }

    /// <summary>When a password was set and how long after that it is judged.</summary>
    public static Arbitrary<AgedPassword> AgedPassword()
    {
        Instant start = Instant.FromUtc(2020, 1, 1, 0, 0);
        return (from minutes in Gen.Choose(0, 60 * 24 * 365 * 10)
                from origin in Gen.Elements(PasswordOrigin.IssuedByAdministrator, PasswordOrigin.ChosenByUser)
                from laterMinutes in Gen.Frequency(
                    (2, Gen.Choose(0, 60 * 48)),
                    (3, Gen.Choose(0, 60 * 24 * 120)),
                    (1, Gen.Choose(60 * 24 * 85, 60 * 24 * 95)))
                select new AgedPassword(new PasswordIssue(start + Duration.FromMinutes(minutes), origin), Duration.FromMinutes(laterMinutes)))
            .ToArbitrary();
    }

    internal static Gen<string> FullName()
        => from f in Gen.Elements(FamilyNames)
           from m in Gen.Elements(MiddleNames)
           from g in Gen.Elements(GivenNames)
           from withMiddle in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
           select withMiddle ? $"{f} {m} {g}" : $"{f} {g}";

    internal static Gen<PasswordOwner> Owner()
        => from name in FullName()
           from days in Gen.Choose(0, 365 * 55)
           from phone in Gen.Choose(10_000_000, 99_999_999)
           from prefix in Gen.Elements("09", "03", "+84 9", "84 3")
           select new PasswordOwner
           {
               FullName = name,
               BirthDate = new LocalDate(1950, 1, 1).PlusDays(days),
               PhoneNumber = prefix + phone.ToString(System.Globalization.CultureInfo.InvariantCulture),
           };
}

/// <summary>A password meeting every rule for its owner.</summary>
public sealed record OwnedPassword(string Password, PasswordOwner Owner)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Password} for {Owner.FullName}, {Owner.BirthDate}, {Owner.PhoneNumber}";
}

/// <summary>A password meeting every character rule, with Vietnamese letters.</summary>
public sealed record RichPassword(string Password, bool Decomposed);

/// <summary>A character class of Điều 16 khoản 6 điểm a.</summary>
public enum CharacterClass
{
    /// <summary>Upper-case letters.</summary>
    Upper,

    /// <summary>Lower-case letters.</summary>
    Lower,

    /// <summary>Digits.</summary>
    Digit,

    /// <summary>Special characters.</summary>
    Special,
}

/// <summary>A person's full name and a unit name.</summary>
public sealed record NamePair(string FullName, string UnitName);

/// <summary>A password's issue and the time after it at which it is judged.</summary>
public sealed record AgedPassword(PasswordIssue Issue, Duration Later);
