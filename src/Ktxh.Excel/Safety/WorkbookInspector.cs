using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Ktxh.Excel;

/// <summary>
/// Checks a workbook's bytes before any spreadsheet library opens them: the file size, the zip entry count, the size
/// each part really decompresses to (counted while decompressing, since the sizes a zip declares can lie), the
/// compression ratio of each part, and the prolog of every XML part for a DTD (entity expansion, the "billion laughs", is
/// refused; a DTD cannot follow the root element, so the body is not parsed here).
/// Stateless and thread-safe.
/// </summary>
internal static class WorkbookInspector
{
    private const int BufferSize = 81_920;

    /// <summary>Reads a stream into memory, refusing more than the limit without reading it all.</summary>
    public static KtxhResult<byte[]> ReadAll(Stream stream, WorkbookSafetyLimits limits)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
        {
            return KtxhResult<byte[]>.ForError(TooLarge(stream.Length - stream.Position, limits));
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[BufferSize];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes)
            {
                return KtxhResult<byte[]>.ForError(TooLarge(buffer.Length + read, limits));
            }

            buffer.Write(chunk, 0, read);
        }

        return KtxhResult<byte[]>.ForValue(buffer.ToArray());
    }

    /// <summary>Every reason not to open the bytes as a workbook (empty when they may be opened).</summary>
    public static IReadOnlyList<KtxhError> Inspect(byte[] bytes, WorkbookSafetyLimits limits)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            return [TooLarge(bytes.Length, limits)];
        }

        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return [NotAWorkbook("tệp không phải gói zip (.xlsx)", "the file is not a zip package (.xlsx)")];
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return [ExcelErrors.File(ExcelErrorCode.TooManyZipEntries,
                    $"Tệp có {zip.Entries.Count} phần, quá giới hạn {limits.MaxZipEntries}",
                    $"The file has {zip.Entries.Count} parts, more than the limit of {limits.MaxZipEntries}")];
            }

            bool hasContentTypes = false, hasWorkbook = false;
            long total = 0;
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                string name = entry.FullName.TrimStart('/');
                hasContentTypes |= string.Equals(name, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                hasWorkbook |= string.Equals(name, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                KtxhError? problem = CheckEntry(entry, name, limits, ref total);
                if (problem is not null)
                {
                    return [problem];
                }
            }

            if (!hasContentTypes || !hasWorkbook)
            {
                return [NotAWorkbook("gói zip không có phần sổ tính Excel (xl/workbook.xml)", "the zip package has no Excel workbook part (xl/workbook.xml)")];
            }

            return [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Our own words only, never the exception's text (issue 8 §4).
            return [NotAWorkbook("gói zip hỏng (mục lục hoặc dữ liệu nén không đọc được)", "the zip package is damaged (its directory or compressed data cannot be read)")];
        }
    }

    private static KtxhError? CheckEntry(ZipArchiveEntry entry, string name, WorkbookSafetyLimits limits, ref long total)
    {
        // The declared sizes are checked first (cheap), then the real ones while decompressing.
        if (entry.Length > limits.MaxDecompressedBytes || total + entry.Length > limits.MaxDecompressedBytes)
        {
            return Bomb(name, limits);
        }

        bool xml = name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
        long compressed = Math.Max(entry.CompressedLength, 1);
        long allowedForEntry = Math.Min(limits.MaxDecompressedBytes - total, Math.Max(compressed * limits.MaxCompressionRatio, 1_000_000));
        using var counted = new CountingStream(entry.Open(), allowedForEntry);
        try
        {
            if (xml)
            {
                var settings = new XmlReaderSettings
                {
                    DtdProcessing = DtdProcessing.Prohibit,
                    XmlResolver = null,
                    MaxCharactersFromEntities = 0,
                    CloseInput = false,
                };
                // A DTD (the only way to declare entities) can stand only in the prolog, before the root element: the
                // prolog is parsed, the rest is counted without parsing. Whether the body is well formed is the read
                // engine's concern, which refuses it as a damaged workbook.
                using XmlReader reader = XmlReader.Create(counted, settings);
                while (reader.Read() && reader.NodeType != XmlNodeType.Element)
                {
                }
            }

            // The decompressed size is counted to the last byte whatever the part.
            byte[] sink = new byte[BufferSize];
            while (counted.Read(sink, 0, sink.Length) > 0)
            {
            }
        }
        catch (LimitExceededException)
        {
            return Bomb(name, limits);
        }
        catch (XmlException e)
        {
            // Where, in our words; not the parser's text (issue 8 §4).
            string vi = e.LineNumber > 0 ? $" (dòng {e.LineNumber}, cột {e.LinePosition} của phần)" : string.Empty;
            string en = e.LineNumber > 0 ? $" (line {e.LineNumber}, column {e.LinePosition} of the part)" : string.Empty;
            return ExcelErrors.File(ExcelErrorCode.UnsafeOrInvalidXml,
                $"Phần '{name}' không phải XML hợp lệ hoặc khai báo DTD/thực thể (bị từ chối){vi}",
                $"Part '{name}' is not valid XML or declares a DTD/entities (refused){en}");
        }

        total += counted.Count;
        return null;
    }

    private static KtxhError TooLarge(long size, WorkbookSafetyLimits limits) =>
        ExcelErrors.File(ExcelErrorCode.FileTooLarge,
            $"Tệp lớn hơn giới hạn {limits.MaxFileBytes.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} byte",
            $"The file is larger than the limit of {limits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes ({size.ToString(CultureInfo.InvariantCulture)} bytes or more)");

    private static KtxhError Bomb(string name, WorkbookSafetyLimits limits) =>
        ExcelErrors.File(ExcelErrorCode.DecompressedTooLarge,
            $"Phần '{name}' giải nén vượt giới hạn (tổng {limits.MaxDecompressedBytes} byte hoặc tỷ lệ nén {limits.MaxCompressionRatio}:1): nghi là bom zip",
            $"Part '{name}' decompresses beyond the limit (total {limits.MaxDecompressedBytes} bytes or a compression ratio of {limits.MaxCompressionRatio}:1): a suspected zip bomb");

    internal static KtxhError NotAWorkbook(string whyVi, string whyEn) =>
        ExcelErrors.File(ExcelErrorCode.NotAWorkbook, $"Không phải tệp Excel (.xlsx): {whyVi}", $"Not an Excel file (.xlsx): {whyEn}");

    private sealed class LimitExceededException : Exception
    {
    }

    /// <summary>Counts the bytes read through it and stops at a limit.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            Count += n;
            if (Count > limit)
            {
                throw new LimitExceededException();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
