using System.IO.Compression;
using System.Text;

namespace Ktxh.Excel.Tests;

/// <summary>Files built to hurt: each gives a clear error before any spreadsheet library parses it, never an exception.</summary>
public class HostileFileTests
{
    private static readonly byte[] Template = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request);
    private static readonly byte[] Valid = WorkbookFiller.Fill(Template, WorkbookFiller.Valid);

    private static KtxhError SingleError(byte[] file, WorkbookSafetyLimits? limits = null)
    {
        var importer = new FormWorkbookImporter(TestCatalogue.Catalogue, new KtxhExcelOptions { Limits = limits ?? WorkbookSafetyLimits.Default });
        KtxhResult<FormImport> result = importer.Import(file);
        Assert.False(result.Success);
        return Assert.Single(result.Errors);
    }

    public static TheoryData<string> NotWorkbooks => new() { "empty", "text", "pdf", "truncated", "zip without workbook", "random" };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public void A_corrupt_or_non_Excel_file_is_not_a_workbook(string kind)
    {
        byte[] file = kind switch
        {
            "empty" => [],
            "text" => Encoding.UTF8.GetBytes("Mã chỉ tiêu;Giá trị\nTHU_NS;1234,5\n"),
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"),
            "truncated" => Valid[..(Valid.Length / 2)],
            "zip without workbook" => Xlsx.Pack([KeyValuePair.Create("readme.txt", "xin chào"u8.ToArray())]),
            _ => RandomBytes(5_000, 7),
        };
        Assert.True(SingleError(file).Is(ExcelErrorCode.NotAWorkbook));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read_whole()
    {
        var limits = new WorkbookSafetyLimits(MaxFileBytes: 1_000);
        Assert.True(SingleError(Valid, limits).Is(ExcelErrorCode.FileTooLarge));
        var importer = new FormWorkbookImporter(TestCatalogue.Catalogue, new KtxhExcelOptions { Limits = limits });
        using var endless = new EndlessStream();
        KtxhResult<FormImport> fromStream = importer.Import(endless);
        Assert.True(Assert.Single(fromStream.Errors).Is(ExcelErrorCode.FileTooLarge));
        Assert.True(endless.BytesRead < 200_000, $"read {endless.BytesRead} bytes of an endless stream");
    }

    [Fact]
    public void Too_many_zip_entries_are_refused()
    {
        var parts = Xlsx.Parts(Valid).ToList();
        parts.AddRange(Enumerable.Range(0, 1_001).Select(i => KeyValuePair.Create($"xl/media/pad{i}.bin", new byte[1])));
        Assert.True(SingleError(Xlsx.Pack(parts)).Is(ExcelErrorCode.TooManyZipEntries));
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_real_decompressed_size()
    {
        // 60 MB of zeros compress to about 60 KB: far over the per-part ratio of 200.
        var parts = Xlsx.Parts(Valid);
        parts["xl/media/bomb.bin"] = new byte[60_000_000];
        byte[] bomb = Xlsx.Pack(parts, CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 1_000_000);
        Assert.True(SingleError(bomb).Is(ExcelErrorCode.DecompressedTooLarge));
    }

    [Fact]
    public void The_total_decompressed_size_is_limited()
    {
        var limits = new WorkbookSafetyLimits(MaxDecompressedBytes: 20_000);
        Assert.True(SingleError(Valid, limits).Is(ExcelErrorCode.DecompressedTooLarge));
    }

    [Fact]
    public void Entity_expansion_in_shared_strings_is_refused()
    {
        const string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol3;</t></si></sst>";
        byte[] file = Xlsx.EditPart(Valid, Xlsx.SharedStringsPart, _ => laughs);
        Assert.True(SingleError(file).Is(ExcelErrorCode.UnsafeOrInvalidXml));
    }

    [Fact]
    public void An_external_entity_is_refused()
    {
        byte[] file = Xlsx.EditPart(Valid, Xlsx.WorkbookPart, x => "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + x[(x.IndexOf("?>", StringComparison.Ordinal) + 2)..]);
        Assert.True(SingleError(file).Is(ExcelErrorCode.UnsafeOrInvalidXml));
    }

    [Fact]
    public void Broken_xml_in_a_part_is_refused()
    {
        // The inspector parses each part's prolog (where a DTD would stand); a broken body is refused by the read engine.
        byte[] file = Xlsx.EditPart(Valid, Xlsx.FormSheetPart, x => x[..(x.Length / 2)]);
        KtxhError error = SingleError(file);
        Assert.True(error.Is(ExcelErrorCode.CorruptWorkbook) || error.Is(ExcelErrorCode.UnsafeOrInvalidXml), error.ToString());
    }

    [Fact]
    public void A_DTD_after_an_XML_declaration_and_comments_is_still_found()
    {
        byte[] file = Xlsx.EditPart(Valid, Xlsx.SharedStringsPart, x => "<?xml version=\"1.0\"?><!-- a comment --><?pi x?>\n<!DOCTYPE sst [<!ENTITY a \"x\">]>" + x[(x.IndexOf("?>", StringComparison.Ordinal) + 2)..]);
        Assert.True(SingleError(file).Is(ExcelErrorCode.UnsafeOrInvalidXml));
    }

    [Fact]
    public void A_missing_sheet_part_is_a_corrupt_workbook()
    {
        byte[] file = Xlsx.RemovePart(Valid, Xlsx.FormSheetPart);
        KtxhError error = SingleError(file);
        Assert.True(error.Is(ExcelErrorCode.CorruptWorkbook) || error.Is(ExcelErrorCode.NotAFormWorkbook), error.ToString());
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A stream that never ends, counting what is read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'P', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
