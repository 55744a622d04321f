using System.Text;
using Ktxh.Workflow.Accounts;
using NodaTime;

namespace Ktxh.Workflow.Tests.Accounts;

/// <summary>Table tests of the password rules of seed 002 Điều 16 khoản 6 điểm a and b.</summary>
public class PasswordPolicyTests
{
    private static readonly PasswordOwner An = new()
    {
        FullName = "Nguyễn Văn An",
        BirthDate = new LocalDate(1990, 3, 5),
        PhoneNumber = "0912 345 678",
        OtherWords = ["nguyenvanan_sotaichinh", "Sở Tài chính", "ab"],
    };

    public static TheoryData<string, CredentialErrorCode[]> CharacterRules => new()
    {
        { "Abcdef1!", [] },
        { "Ab1!Ab1!", [] },
        { "Mật khẩu 2026!", [] },
        { "ĐƯỜNG đi 1#", [] },
        { "Ab1!Ab1", [CredentialErrorCode.TooShort] },
        { "Abc1!", [CredentialErrorCode.TooShort] },
        { "abcdefg1!", [CredentialErrorCode.MissingUpperCase] },
        { "ABCDEFG1!", [CredentialErrorCode.MissingLowerCase] },
        { "Abcdefgh!", [CredentialErrorCode.MissingDigit] },
        { "Abcdefg12", [CredentialErrorCode.MissingSpecialCharacter] },
        { "Abcdef1 ", [CredentialErrorCode.MissingSpecialCharacter] },
        { "Abcdef1٣", [CredentialErrorCode.MissingSpecialCharacter] },
        { "Abcdefg٣!", [CredentialErrorCode.MissingDigit] },
        { "", [CredentialErrorCode.TooShort, CredentialErrorCode.MissingUpperCase, CredentialErrorCode.MissingLowerCase, CredentialErrorCode.MissingDigit, CredentialErrorCode.MissingSpecialCharacter] },
        { "12345678", [CredentialErrorCode.MissingUpperCase, CredentialErrorCode.MissingLowerCase, CredentialErrorCode.MissingSpecialCharacter] },
        { "Ab€defg1", [] },
    };

    public static TheoryData<string, CredentialErrorCode[]> EasyWordRules => new()
    {
        { "Qw!x7pqrs", [] },
        { "Nguyen@2024x", [CredentialErrorCode.ContainsName] },
        { "NGUYỄN@2024x", [CredentialErrorCode.ContainsName] },
        { "xx!Văn#7q", [CredentialErrorCode.ContainsName] },
        { "VanAn#77q", [CredentialErrorCode.ContainsName] },
        { "An.Nguyen#7", [CredentialErrorCode.ContainsName] },
        { "Pq@7an88x", [] },
        { "Qw!05031990", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!05/03/1990", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!05-03-90x", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!19900305", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!5.3.1990", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!0503xyz", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!1990xyz", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!05 03 x", [CredentialErrorCode.ContainsBirthDate] },
        { "Qw!0305xyz", [] },
        { "Qw!05x03x1991", [] },
        { "Qw!345678", [CredentialErrorCode.ContainsPhoneNumber] },
        { "Qw!0912345678", [CredentialErrorCode.ContainsPhoneNumber] },
        { "Qw!+84912345678", [CredentialErrorCode.ContainsPhoneNumber] },
        { "Qw!912.345.678", [CredentialErrorCode.ContainsPhoneNumber] },
        { "Qw!34567x8", [] },
        { "Sotaichinh@1", [CredentialErrorCode.ContainsEasyWord] },
        { "Sở-Tài-Chính@1", [CredentialErrorCode.ContainsEasyWord] },
        { "Qw!ab12xy", [] },
        { "nguyen05031990", [CredentialErrorCode.MissingUpperCase, CredentialErrorCode.MissingSpecialCharacter, CredentialErrorCode.ContainsName, CredentialErrorCode.ContainsBirthDate] },
        { "AnNguyen!05031990#0912345678", [CredentialErrorCode.ContainsName, CredentialErrorCode.ContainsBirthDate, CredentialErrorCode.ContainsPhoneNumber] },
    };

    [Theory]
    [MemberData(nameof(CharacterRules))]
    public void Each_character_rule_is_checked_and_every_broken_one_listed(string password, CredentialErrorCode[] expected)
        => AssertBroken(PasswordPolicy.Default.Check(password), password, expected);

    [Theory]
    [MemberData(nameof(EasyWordRules))]
    public void Easy_words_of_the_owner_are_refused(string password, CredentialErrorCode[] expected)
        => AssertBroken(PasswordPolicy.Default.Check(password, An), password, expected);

    [Fact]
    public void An_accepted_password_reports_its_make_up_and_not_itself()
    {
        PasswordCheck check = PasswordPolicy.Default.Check("Mật khẩu 2026!").Value;
        Assert.Equal(new PasswordCheck(Length: 14, UpperCase: 1, LowerCase: 6, Digits: 4, Special: 1), check);
    }

    [Fact]
    public void Length_counts_characters_as_seen_whether_composed_or_decomposed()
    {
        string composed = "Ếếếếếế1!";
        string decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.True(decomposed.Length > composed.Length);
        Assert.True(PasswordPolicy.Default.Check(composed).Success);
        Assert.True(PasswordPolicy.Default.Check(decomposed).Success);

        // Seven characters typed decomposed are more than eight UTF-16 units but still seven characters.
        string sevenDecomposed = "Ếếếếế1!".Normalize(NormalizationForm.FormD);
        Assert.True(sevenDecomposed.Length >= 8);
        Assert.Equal([CredentialErrorCode.TooShort], Codes(PasswordPolicy.Default.Check(sevenDecomposed)));
    }

    [Fact]
    public void A_stricter_policy_asks_for_more_and_a_laxer_one_cannot_be_made()
    {
        var strict = new PasswordPolicy { MinimumLength = 12 };
        Assert.Equal([CredentialErrorCode.TooShort], Codes(strict.Check("Abcdef1!")));
        Assert.Contains("12", strict.Check("Abcdef1!").Errors[0].MessageVi, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordPolicy { MinimumLength = 7 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordPolicy { MinimumNamePartLength = 0 });
    }

    [Fact]
    public void Short_name_parts_are_refused_when_the_policy_says_so()
    {
        var owner = new PasswordOwner { FullName = "Lê An" };
        Assert.True(PasswordPolicy.Default.Check("Pq@7an88x", owner).Success);
        Assert.Equal([CredentialErrorCode.ContainsName], Codes(new PasswordPolicy { MinimumNamePartLength = 2 }.Check("Pq@7an88x", owner)));
    }

    [Fact]
    public void Name_fragments_are_the_long_parts_every_pair_and_the_whole_name()
    {
        Assert.Equal(
            ["nguyenvanan", "nguyenvan", "vannguyen", "annguyen", "nguyenan", "nguyen", "anvan", "vanan", "van"],
            PasswordPolicy.Default.ForbiddenNameFragments("Nguyễn Văn An"));
        Assert.Equal(
            ["lethihong", "hongthi", "thihong", "hongle", "lehong", "lethi", "thile", "hong", "thi"],
            PasswordPolicy.Default.ForbiddenNameFragments("Lê-Thị  Hồng"));
        Assert.Empty(PasswordPolicy.Default.ForbiddenNameFragments("  - "));
    }

    [Fact]
    public void Birth_date_forms_are_the_usual_vietnamese_writings()
    {
        Assert.Equal(["05031990", "050390", "19900305", "531990", "1990", "0503"], PasswordPolicy.ForbiddenBirthDateForms(new LocalDate(1990, 3, 5)));
        Assert.Equal(["25121985", "251285", "19851225", "1985", "2512"], PasswordPolicy.ForbiddenBirthDateForms(new LocalDate(1985, 12, 25)));
    }

    [Theory]
    [InlineData("0912 345 678", "345678")]
    [InlineData("+84 912.345.678", "345678")]
    [InlineData("(024) 3825-1234", "251234")]
    [InlineData("1080", "1080")]
    [InlineData("113", "113")]
    [InlineData("12", null)]
    [InlineData("không có", null)]
    public void Phone_digits_are_the_last_six(string phone, string? expected)
        => Assert.Equal(expected, PasswordPolicy.ForbiddenPhoneDigits(phone));

    [Fact]
    public void Owner_parts_that_are_not_given_are_not_checked()
        => Assert.True(PasswordPolicy.Default.Check("Nguyen@05031990", new PasswordOwner()).Success);

    [Fact]
    public void A_null_password_is_a_programming_error()
        => Assert.Throws<ArgumentNullException>(() => PasswordPolicy.Default.Check(null!));

    internal static CredentialErrorCode[] Codes<T>(KtxhResult<T> result)
        => result.Errors.Select(e => e.TryGetCode(out CredentialErrorCode c) ? c : throw new InvalidOperationException(e.Code)).ToArray();

    private static void AssertBroken(KtxhResult<PasswordCheck> result, string password, CredentialErrorCode[] expected)
    {
        Assert.Equal(expected.Length == 0, result.Success);
        Assert.Equal(expected, Codes(result));
        foreach (KtxhError error in result.Errors)
        {
            Assert.Equal(PasswordPolicy.PasswordField, error.Location.Field);
            Assert.Contains("Điều 16 khoản 6", error.MessageVi, StringComparison.Ordinal);
            Assert.Contains("Art. 16(6)", error.MessageEn, StringComparison.Ordinal);
            if (password.Length >= 3)
            {
                Assert.DoesNotContain(password, error.Message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
