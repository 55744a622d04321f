using FsCheck;
using FsCheck.Fluent;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests;

/// <summary>
/// A search case whose answer is known by construction: every indicator name is an ASCII word written with accented
/// variants of its letters (from a hand table, not from the folding under test), in mixed case, composed or decomposed;
/// the query is an ASCII piece of one word. The expected matches are the words that contain the piece, as ASCII.
/// </summary>
public sealed record SearchCase(string[] AsciiWords, string[] Names, string Query)
{
    /// <summary>The indices whose ASCII word contains the query (case-insensitive): the expected matches.</summary>
    public int[] Expected => AsciiWords.Select((w, i) => (w, i)).Where(x => x.w.Contains(Query.ToLowerInvariant(), StringComparison.Ordinal)).Select(x => x.i).ToArray();

    /// <summary>The catalogue: indicator <c>i</c> has code <c>Q{i}</c> (one letter, so a query of two letters never matches a code) and name <c>Names[i]</c>.</summary>
    public IndicatorCatalogue Catalogue()
    {
        var b = new IndicatorCatalogueBuilder();
        for (int i = 0; i < Names.Length; i++)
        {
            b.Add(new Indicator { Code = $"Q{i}", NameVi = Names[i], ValueKind = ValueKind.Count, MeasureUnitCode = "PERSON", Periods = [PeriodType.Year] });
        }

        return b.Build();
    }

    /// <inheritdoc/>
    public override string ToString() => $"query '{Query}' in [{string.Join(", ", Names)}] (ASCII [{string.Join(", ", AsciiWords)}])";
}

public static partial class Arbitraries
{
    /// <summary>Each ASCII letter and the Vietnamese letters written with it (every tone mark, the hat, the horn, the stroke).</summary>
    internal static readonly Dictionary<char, string[]> AccentedVariants = new()
    {
        ['a'] = ["a", "á", "à", "ả", "ã", "ạ", "ă", "ắ", "ằ", "ẳ", "ẵ", "ặ", "â", "ấ", "ầ", "ẩ", "ẫ", "ậ"],
        ['e'] = ["e", "é", "è", "ẻ", "ẽ", "ẹ", "ê", "ế", "ề", "ể", "ễ", "ệ"],
        ['i'] = ["i", "í", "ì", "ỉ", "ĩ", "ị"],
        ['o'] = ["o", "ó", "ò", "ỏ", "õ", "ọ", "ô", "ố", "ồ", "ổ", "ỗ", "ộ", "ơ", "ớ", "ờ", "ở", "ỡ", "ợ"],
        ['u'] = ["u", "ú", "ù", "ủ", "ũ", "ụ", "ư", "ứ", "ừ", "ử", "ữ", "ự"],
        ['y'] = ["y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"],
        ['d'] = ["d", "đ"],
        ['g'] = ["g"], ['h'] = ["h"], ['n'] = ["n"], ['t'] = ["t"], ['c'] = ["c"], ['m'] = ["m"],
    };

    /// <summary>The same letters in upper case, written by hand (so case folding is not checked with itself).</summary>
    internal static readonly Dictionary<char, string[]> AccentedVariantsUpper = new()
    {
        ['a'] = ["A", "Á", "À", "Ả", "Ã", "Ạ", "Ă", "Ắ", "Ằ", "Ẳ", "Ẵ", "Ặ", "Â", "Ấ", "Ầ", "Ẩ", "Ẫ", "Ậ"],
        ['e'] = ["E", "É", "È", "Ẻ", "Ẽ", "Ẹ", "Ê", "Ế", "Ề", "Ể", "Ễ", "Ệ"],
        ['i'] = ["I", "Í", "Ì", "Ỉ", "Ĩ", "Ị"],
        ['o'] = ["O", "Ó", "Ò", "Ỏ", "Õ", "Ọ", "Ô", "Ố", "Ồ", "Ổ", "Ỗ", "Ộ", "Ơ", "Ớ", "Ờ", "Ở", "Ỡ", "Ợ"],
        ['u'] = ["U", "Ú", "Ù", "Ủ", "Ũ", "Ụ", "Ư", "Ứ", "Ừ", "Ử", "Ữ", "Ự"],
        ['y'] = ["Y", "Ý", "Ỳ", "Ỷ", "Ỹ", "Ỵ"],
        ['d'] = ["D", "Đ"],
        ['g'] = ["G"], ['h'] = ["H"], ['n'] = ["N"], ['t'] = ["T"], ['c'] = ["C"], ['m'] = ["M"],
    };

    private static readonly char[] SearchLetters = AccentedVariants.Keys.ToArray();

    private static Gen<string> AsciiWord { get; } =
        from length in Gen.Choose(2, 7)
        from letters in Gen.ArrayOf(Gen.Elements(SearchLetters), length)
        select new string(letters);

    private static string Render(string ascii, int[] choices, bool decomposed)
    {
        var sb = new System.Text.StringBuilder();
        for (int k = 0; k < ascii.Length; k++)
        {
            Dictionary<char, string[]> table = choices[2 * k + 1] % 3 == 0 ? AccentedVariantsUpper : AccentedVariants;
            string[] variants = table[ascii[k]];
            sb.Append(variants[choices[2 * k] % variants.Length]);
        }

        string text = sb.ToString();
        return decomposed ? text.Normalize(System.Text.NormalizationForm.FormD) : text;
    }

    /// <summary>Search cases; see <see cref="SearchCase"/>.</summary>
    public static Gen<SearchCase> SearchCases { get; } =
        from words in Gen.ArrayOf(AsciiWord, 6).Select(w => w.Distinct(StringComparer.Ordinal).ToArray())
        from choices in Gen.ArrayOf(Gen.Choose(0, 1000), 2 * words.Sum(w => w.Length))
        from decomposed in Gen.ArrayOf(Gen.Elements(false, true), words.Length)
        let names = words.Select((w, i) => Render(w, choices.Skip(2 * words.Take(i).Sum(x => x.Length)).ToArray(), decomposed[i])).ToArray()
        from target in Gen.Choose(0, words.Length - 1)
        from start in Gen.Choose(0, words[target].Length - 2)
        from length in Gen.Choose(2, words[target].Length - start)
        from upper in Gen.Elements(false, true)
        let piece = words[target].Substring(start, length)
        select new SearchCase(words, names, upper ? piece.ToUpperInvariant() : piece);

    /// <summary>The arbitrary of <see cref="SearchCases"/>.</summary>
    public static Arbitrary<SearchCase> SearchCaseArbitrary() => Arb.From(SearchCases);
}
