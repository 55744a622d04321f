using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Core.Tests.Text;

public class VietnameseTextTests
{
    // Written by hand, one row per tone mark and vowel mark (a ă â e ê i o ô ơ u ư y, huyền sắc hỏi ngã nặng), đ,
    // upper case, and names as they appear in the seeds.
    public static TheoryData<string, string> FoldedForms => new()
    {
        { "à á ả ã ạ", "a a a a a" },
        { "ằ ắ ẳ ẵ ặ ă", "a a a a a a" },
        { "ầ ấ ẩ ẫ ậ â", "a a a a a a" },
        { "è é ẻ ẽ ẹ", "e e e e e" },
        { "ề ế ể ễ ệ ê", "e e e e e e" },
        { "ì í ỉ ĩ ị", "i i i i i" },
        { "ò ó ỏ õ ọ", "o o o o o" },
        { "ồ ố ổ ỗ ộ ô", "o o o o o o" },
        { "ờ ớ ở ỡ ợ ơ", "o o o o o o" },
        { "ù ú ủ ũ ụ", "u u u u u" },
        { "ừ ứ ử ữ ự ư", "u u u u u u" },
        { "ỳ ý ỷ ỹ ỵ", "y y y y y" },
        { "đ Đ", "d d" },
        { "ĐƯỜNG ĐẤT", "duong dat" },
        { "Phường Đội Cấn", "phuong doi can" },
        { "Giải ngân vốn  Đầu tư", "giai ngan von dau tu" },
        { "  Tổng sản phẩm\ttrên địa bàn\n(GRDP) ", "tong san pham tren dia ban (grdp)" },
        { "Tỷ đồng", "ty dong" },
        { "Tạ/ha", "ta/ha" },
        { "Nghìn người", "nghin nguoi" },
        { "Thừa Thiên Huế", "thua thien hue" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(FoldedForms))]
    public void Fold_gives_the_hand_written_form_for_composed_and_decomposed_input(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
        Assert.Equal(folded, VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)));
        Assert.Equal(folded, VietnameseText.Fold(text.Normalize(NormalizationForm.FormC)));
    }

    [Theory]
    [InlineData("Đội Cấn", "Doi Can")]
    [InlineData("Nguyễn Văn Đức", "Nguyen Van Duc")]
    [InlineData("Sở Tài chính", "So Tai chinh")]
    [InlineData("ASCII stays", "ASCII stays")]
    public void RemoveDiacritics_keeps_case_and_spacing(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.RemoveDiacritics(text));
        Assert.Equal(expected, VietnameseText.RemoveDiacritics(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Normalize_composes_and_trims_and_keeps_null()
    {
        string decomposed = "  Hà Nội ".Normalize(NormalizationForm.FormD);
        Assert.Equal("Hà Nội", VietnameseText.Normalize(decomposed));
        Assert.True(VietnameseText.Normalize(decomposed)!.IsNormalized(NormalizationForm.FormC));
        Assert.Null(VietnameseText.Normalize(null));
    }

    [Theory]
    [InlineData("Xã  Kim\u00A0Bảng", "Xã Kim Bảng")]
    [InlineData("\tPhường\r\nĐội Cấn ", "Phường Đội Cấn")]
    [InlineData("Đặc khu Côn Đảo", "Đặc khu Côn Đảo")]
    public void NormalizeName_collapses_white_space(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.NormalizeName(text));
        Assert.Equal(expected, VietnameseText.NormalizeName(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void A_clean_name_is_returned_without_a_copy()
    {
        string clean = "Phường Hoàn Kiếm";
        Assert.Same(clean, VietnameseText.NormalizeName(clean));
    }

    [Fact]
    public void FoldedEquals_ignores_marks_case_and_spacing()
    {
        Assert.True(VietnameseText.FoldedEquals("Hà Nội", "HA  NOI"));
        Assert.False(VietnameseText.FoldedEquals("Hà Nội", "Hà Nam"));
    }

    private static readonly string VietnameseLetters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ" +
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐbcghklmnpqrstvx 0123456789";

    private static Arbitrary<string> VietnameseStrings() =>
        Gen.ArrayOf(Gen.Elements(VietnameseLetters.ToCharArray())).Select(cs => new string(cs)).ToArbitrary();

    [Property]
    public Property Folded_text_is_plain_lower_case_ascii_and_folding_is_idempotent()
        => Prop.ForAll(VietnameseStrings(), text =>
        {
            string folded = VietnameseText.Fold(text);
            bool plain = folded.All(c => c < 128 && !char.IsUpper(c));
            bool idempotent = VietnameseText.Fold(folded) == folded;
            bool formIndependent = VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)) == folded;
            return (plain && idempotent && formIndependent)
                .Classify(folded.Length == text.Trim().Length, "no marks lost length")
                .Classify(text.Any(c => c > 127), "has Vietnamese letters");
        });

    [Property]
    public Property Removing_diacritics_keeps_the_length_of_composed_text_and_folds_alike()
        => Prop.ForAll(VietnameseStrings(), text =>
        {
            string plain = VietnameseText.RemoveDiacritics(text);
            return (plain.Length == text.Length && VietnameseText.IsAscii(plain) && VietnameseText.Fold(plain) == VietnameseText.Fold(text))
                .Classify(text.Length == 0, "empty");
        });
}
