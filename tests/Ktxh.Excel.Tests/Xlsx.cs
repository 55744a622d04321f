using System.IO.Compression;
using System.Text;

namespace Ktxh.Excel.Tests;

/// <summary>Raw edits of a workbook's zip package, for what a spreadsheet library would not write (DTDs, cached values, damage).</summary>
internal static class Xlsx
{
    public const string FormSheetPart = "xl/worksheets/sheet1.xml";
    public const string MetaSheetPart = "xl/worksheets/sheet2.xml";
    public const string SharedStringsPart = "xl/sharedStrings.xml";
    public const string WorkbookPart = "xl/workbook.xml";

    public static Dictionary<string, byte[]> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry e in zip.Entries)
        {
            using Stream s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            parts[e.FullName] = m.ToArray();
        }

        return parts;
    }

    public static byte[] Pack(IEnumerable<KeyValuePair<string, byte[]>> parts, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] data) in parts)
            {
                ZipArchiveEntry e = zip.CreateEntry(name, level);
                using Stream s = e.Open();
                s.Write(data);
            }
        }

        return output.ToArray();
    }

    public static byte[] EditPart(byte[] package, string part, Func<string, string> edit)
    {
        Dictionary<string, byte[]> parts = Parts(package);
        parts[part] = Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(parts[part])));
        return Pack(parts);
    }

    public static byte[] RemovePart(byte[] package, string part)
    {
        Dictionary<string, byte[]> parts = Parts(package);
        parts.Remove(part);
        return Pack(parts);
    }

    /// <summary>Replaces the cell element with reference <paramref name="reference"/> in a sheet part.</summary>
    public static string ReplaceCell(string sheetXml, string reference, string newCellXml)
    {
        string start = $"<x:c r=\"{reference}\"";
        int i = sheetXml.IndexOf(start, StringComparison.Ordinal);
        if (i < 0)
        {
            throw new InvalidOperationException($"no cell {reference}");
        }

        int selfClose = sheetXml.IndexOf("/>", i, StringComparison.Ordinal);
        int close = sheetXml.IndexOf("</x:c>", i, StringComparison.Ordinal);
        int tagEnd = sheetXml.IndexOf('>', i);
        int end = selfClose >= 0 && selfClose + 1 == tagEnd ? selfClose + 2 : close + "</x:c>".Length;
        return sheetXml[..i] + newCellXml + sheetXml[end..];
    }
}
