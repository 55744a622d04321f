using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ktxh.Excel;

/// <summary>
/// Writes cells through an <see cref="OpenXmlWriter"/>: text always as text (shared or inline string, never a formula,
/// leading zeros kept, characters XML cannot carry dropped), numbers by their invariant decimal text. Not thread-safe.
/// </summary>
internal sealed class CellWriter(OpenXmlWriter writer, SharedStrings? strings)
{
    public void StartRow(int row, double? height = null)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", string.Empty, row.ToString(CultureInfo.InvariantCulture)) };
        if (height is { } h)
        {
            attributes.Add(new OpenXmlAttribute("ht", string.Empty, h.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(new OpenXmlAttribute("customHeight", string.Empty, "1"));
        }

        writer.WriteStartElement(new Row(), attributes);
    }

    /// <summary>A text through the shared-string table (labels repeated on many rows); inline when there is no table.</summary>
    public void Shared(int row, int column, string text, uint style)
    {
        if (strings is null)
        {
            Inline(row, column, text, style);
            return;
        }

        if (text.Length == 0)
        {
            Empty(row, column, style);
            return;
        }

        writer.WriteStartElement(new Cell(), [Reference(row, column), Style(style), new OpenXmlAttribute("t", string.Empty, "s")]);
        writer.WriteElement(new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }

    public void Inline(int row, int column, string text, uint style)
    {
        writer.WriteStartElement(new Cell(), [Reference(row, column), Style(style), new OpenXmlAttribute("t", string.Empty, "inlineStr")]);
        writer.WriteStartElement(new InlineString());
        writer.WriteElement(new Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve });
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public void Number(int row, int column, decimal value, uint style)
    {
        writer.WriteStartElement(new Cell(), [Reference(row, column), Style(style)]);
        writer.WriteElement(new CellValue(value.ToString(CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }

    public void Empty(int row, int column, uint style) =>
        writer.WriteElement(new Cell { CellReference = CellAddress.Of(row, column), StyleIndex = style });

    private static OpenXmlAttribute Reference(int row, int column) => new("r", string.Empty, CellAddress.Of(row, column));

    private static OpenXmlAttribute Style(uint style) => new("s", string.Empty, style.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A shared-string table built while writing: each distinct text stored once. Not thread-safe.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private int _uses;

    public int IndexOf(string text)
    {
        _uses++;
        text = XmlText.Safe(text);
        if (!_index.TryGetValue(text, out int i))
        {
            i = _texts.Count;
            _index[text] = i;
            _texts.Add(text);
        }

        return i;
    }

    public void Write(SharedStringTablePart part)
    {
        using OpenXmlWriter w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new SharedStringTable(),
        [
            new OpenXmlAttribute("count", string.Empty, _uses.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("uniqueCount", string.Empty, _texts.Count.ToString(CultureInfo.InvariantCulture)),
        ]);
        foreach (string text in _texts)
        {
            w.WriteStartElement(new SharedStringItem());
            w.WriteElement(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
