using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Workflow.Accounts;

namespace Ktxh.Workflow.Tests.Accounts;

/// <summary>The <c>hovaten_tendonvi</c> account name of seed 002 Điều 3 khoản 9.</summary>
public class AccountNameTests
{
    public static TheoryData<string, string, string> Examples => new()
    {
        // The regulation's own pattern is its example: "họ và tên" _ "tên đơn vị".
        { "Họ và tên", "Tên đơn vị", "hovaten_tendonvi" },
        { "Nguyễn Văn An", "Sở Tài chính", "nguyenvanan_sotaichinh" },
        { "Đặng Thị Đào", "UBND phường Đống Đa", "dangthidao_ubndphuongdongda" },
        { "  Trần   Thị  Thu-Hà ", "Sở Kế hoạch và Đầu tư", "tranthithuha_sokehoachvadautu" },
        { "Lê Văn Tám 2", "Phường 12", "levantam2_phuong12" },
        { "Nguyễn Thị Ngọc Ánh", "Cục Thống kê (TP. Hà Nội)", "nguyenthingocanh_cucthongketphanoi" },
        { "Müller Jürgen", "Sở Ngoại vụ", "mullerjurgen_songoaivu" },
        { "NGUYỄN ĐỨC", "KHO BẠC NHÀ NƯỚC", "nguyenduc_khobacnhanuoc" },
    };

    public static TheoryData<string, string, (CredentialErrorCode Code, string Field)[]> Refusals => new()
    {
        { "", "Sở Tài chính", [(CredentialErrorCode.EmptyFullName, AccountName.FullNameField)] },
        { "Nguyễn An", " - ", [(CredentialErrorCode.EmptyUnitName, AccountName.UnitNameField)] },
        { " ", "", [(CredentialErrorCode.EmptyFullName, AccountName.FullNameField), (CredentialErrorCode.EmptyUnitName, AccountName.UnitNameField)] },
        { "Søren Ås", "Sở Tài chính", [(CredentialErrorCode.UnsupportedCharacter, AccountName.FullNameField)] },
        { "Nguyễn An", "王小明", [(CredentialErrorCode.UnsupportedCharacter, AccountName.UnitNameField)] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_account_name_is_the_full_name_and_unit_name_without_diacritics(string fullName, string unitName, string expected)
    {
        AccountName name = AccountName.Create(fullName, unitName).Value;
        Assert.Equal(expected, name.Value);
        Assert.Equal(expected, name.ToString());
        Assert.Equal(name, AccountName.Parse(expected).Value);
        Assert.Equal(name, AccountName.Create(fullName.Normalize(NormalizationForm.FormD), unitName.Normalize(NormalizationForm.FormD)).Value);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Names_that_give_no_account_name_are_refused_with_every_problem(string fullName, string unitName, (CredentialErrorCode Code, string Field)[] expected)
    {
        KtxhResult<AccountName> result = AccountName.Create(fullName, unitName);
        Assert.False(result.Success);
        Assert.Equal(expected, result.Errors.Select(e => (e.TryGetCode(out CredentialErrorCode c) ? c : default, e.Location.Field!)).ToArray());
        Assert.All(result.Errors, e => Assert.Contains("Điều 3 khoản 9", e.MessageVi, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains("Art. 3(9)", e.MessageEn, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unsupported_letter_is_named_in_the_message()
    {
        KtxhError error = Assert.Single(AccountName.Create("Søren", "Sở Y tế").Errors);
        Assert.Contains("ø", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("ø", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nguyenvanan_sotaichinh", true)]
    [InlineData("levantam2_phuong12", true)]
    [InlineData("NguyenVanAn_sotaichinh", false)]
    [InlineData("nguyenvanan", false)]
    [InlineData("_sotaichinh", false)]
    [InlineData("nguyenvanan_", false)]
    [InlineData("nguyen_van_an", false)]
    [InlineData("nguyễnvănan_sotaichinh", false)]
    [InlineData("nguyen van an_sotaichinh", false)]
    [InlineData("", false)]
    public void Parse_checks_the_form_of_an_existing_account_name(string text, bool valid)
    {
        KtxhResult<AccountName> result = AccountName.Parse(text);
        Assert.Equal(valid, result.Success);
        Assert.Equal(valid, AccountName.TryParse(text, out AccountName? parsed));
        if (valid)
        {
            Assert.Equal(text, parsed!.Value);
        }
        else
        {
            KtxhError error = Assert.Single(result.Errors);
            Assert.True(error.Is(CredentialErrorCode.InvalidAccountName));
            Assert.Equal(AccountName.AccountNameField, error.Location.Field);
        }
    }

    [Fact]
    public void Null_names_are_programming_errors()
    {
        Assert.Throws<ArgumentNullException>(() => AccountName.Create(null!, "Sở Y tế"));
        Assert.Throws<ArgumentNullException>(() => AccountName.Create("An", null!));
        Assert.Throws<ArgumentNullException>(() => AccountName.Parse(null!));
        Assert.False(AccountName.TryParse(null, out _));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property An_account_name_ignores_case_spacing_and_diacritics_and_reads_back(NamePair pair)
    {
        AccountName name = AccountName.Create(pair.FullName, pair.UnitName).Value;
        AccountName folded = AccountName.Create(VietnameseText.Fold(pair.FullName), VietnameseText.Fold(pair.UnitName).ToUpperInvariant()).Value;
        bool ok = name == folded
            && AccountName.Parse(name.Value).Value == name
            && name.Value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            && name.Value.Count(c => c == '_') == 1
            && name.PersonPart == VietnameseText.Fold(pair.FullName).Replace(" ", string.Empty, StringComparison.Ordinal);
        return ok.Label($"{pair} → {name}")
            .Classify(pair.FullName.Contains('Đ') || pair.UnitName.Contains('Đ'), "has Đ")
            .Classify(pair.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 2, "no middle name");
    }
}
