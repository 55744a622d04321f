using System.Text;
using System.Text.Json;

namespace Ktxh;

/// <summary>
/// Reads JSON text into a <see cref="JsonDocument"/> the same way for every package: a UTF-8 byte order mark is
/// accepted, a property named twice in one object is an error (never "the last one wins"), and every error carries the
/// line, the column (in characters) and the JSON path where it was found, in Vietnamese and English.
/// </summary>
/// <remarks>
/// The packages then read the document's content and report content problems at JSON paths with their own codes.
/// The returned document is owned by the caller, who disposes it. Thread-safe (no shared state).
/// </remarks>
public static class LocatedJson
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Parses UTF-8 JSON.</summary>
    /// <param name="utf8Json">The bytes; a leading byte order mark is skipped.</param>
    /// <param name="options">How to read; <see cref="LocatedJsonOptions.Default"/> when null.</param>
    /// <returns>The document, or every error found (with <see cref="JsonReadErrorCode"/> codes).</returns>
    public static KtxhResult<JsonDocument> Parse(ReadOnlyMemory<byte> utf8Json, LocatedJsonOptions? options = null)
    {
        options ??= LocatedJsonOptions.Default;
        if (utf8Json.Span.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (utf8Json.Length > options.MaxBytes)
        {
            return KtxhResult<JsonDocument>.ForError(TooLarge(utf8Json.Length, options));
        }

        List<KtxhError> errors = Check(utf8Json.Span, options);
        if (errors.Count > 0)
        {
            return KtxhResult<JsonDocument>.ForErrors(errors);
        }

        // Checked above, so the document is parsed with duplicate detection off (it is not needed twice).
        var documentOptions = new JsonDocumentOptions
        {
            CommentHandling = options.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            AllowTrailingCommas = options.AllowTrailingCommas,
            MaxDepth = options.MaxDepth,
        };
        return KtxhResult<JsonDocument>.ForValue(JsonDocument.Parse(utf8Json, documentOptions));
    }

    /// <summary>Parses JSON text.</summary>
    /// <param name="json">The text; a leading byte order mark (U+FEFF) is skipped.</param>
    /// <param name="options">How to read; <see cref="LocatedJsonOptions.Default"/> when null.</param>
    /// <returns>The document, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static KtxhResult<JsonDocument> Parse(string json, LocatedJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json.StartsWith('\uFEFF') ? json[1..] : json), options);
    }

    /// <summary>Reads a stream of UTF-8 JSON to its end and parses it.</summary>
    /// <param name="utf8Json">The stream; it is read, not disposed.</param>
    /// <param name="options">How to read; <see cref="LocatedJsonOptions.Default"/> when null.</param>
    /// <returns>The document, or every error found; a stream longer than <see cref="LocatedJsonOptions.MaxBytes"/>
    /// is refused without being read further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static KtxhResult<JsonDocument> Parse(Stream utf8Json, LocatedJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= LocatedJsonOptions.Default;
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes + Utf8Bom.Length)
            {
                return KtxhResult<JsonDocument>.ForError(TooLarge(buffer.Length + read, options));
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), options);
    }

    // One pass of the reader: well-formedness and duplicate properties, each located.
    private static List<KtxhError> Check(ReadOnlySpan<byte> json, LocatedJsonOptions options)
    {
        var errors = new List<KtxhError>();
        if (json.IsEmpty || json.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(KtxhError.Create(JsonReadErrorCode.InvalidJson, ErrorLocation.AtLine(1, 1).WithSource(options.Source),
                "Văn bản JSON trống.", "The JSON text is empty."));
            return errors;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            CommentHandling = options.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            AllowTrailingCommas = options.AllowTrailingCommas,
            MaxDepth = options.MaxDepth,
        });
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        path.BeforeValue();
                        path.PushObject();
                        break;
                    case JsonTokenType.StartArray:
                        path.BeforeValue();
                        path.PushArray();
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        string name = reader.GetString()!;
                        if (!path.SetProperty(name))
                        {
                            (int line, int column) = LineAndColumn(json, (int)reader.TokenStartIndex);
                            errors.Add(KtxhError.Create(
                                JsonReadErrorCode.DuplicateProperty,
                                new ErrorLocation { Source = options.Source, JsonPath = path.Current, Line = line, Column = column },
                                $"Thuộc tính \"{name}\" xuất hiện hai lần trong cùng một đối tượng; không biết giá trị nào đúng.",
                                $"The property \"{name}\" appears twice in the same object; which value is meant cannot be known."));
                            if (errors.Count >= options.MaxErrors)
                            {
                                return errors;
                            }
                        }

                        break;
                    default:
                        path.BeforeValue();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0);
            int bytesInLine = (int)(e.BytePositionInLine ?? 0);
            int column = CharacterColumn(json, line, bytesInLine);
            errors.Add(KtxhError.Create(
                JsonReadErrorCode.InvalidJson,
                new ErrorLocation { Source = options.Source, JsonPath = path.Current, Line = line + 1, Column = column },
                $"Văn bản JSON sai cú pháp tại dòng {line + 1}, cột {column}.",
                $"The JSON text is malformed at line {line + 1}, column {column}: {ReasonOf(e)}"));
        }

        return errors;
    }

    private static KtxhError TooLarge(long bytes, LocatedJsonOptions options) => KtxhError.Create(
        JsonReadErrorCode.TooLarge,
        ErrorLocation.None.WithSource(options.Source),
        $"Văn bản JSON quá lớn ({bytes} byte trở lên; tối đa {options.MaxBytes}).",
        $"The JSON text is too large ({bytes} bytes or more; at most {options.MaxBytes}).");

    // The reader's message ends with its own location ("LineNumber: 2 | BytePositionInLine: 4."): ours replaces it.
    private static string ReasonOf(JsonException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> json, int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line + 1, CharactersIn(json.Slice(lineStart, Math.Max(0, offset - lineStart))) + 1);
    }

    // The reader counts columns in bytes; a person counts characters ("Hà Nội" is 6, not 9).
    private static int CharacterColumn(ReadOnlySpan<byte> json, int line, int bytesInLine)
    {
        int lineStart = 0;
        for (int seen = 0; seen < line && lineStart < json.Length; lineStart++)
        {
            if (json[lineStart] == (byte)'\n')
            {
                seen++;
            }
        }

        int end = Math.Min(json.Length, lineStart + bytesInLine);
        return CharactersIn(json[lineStart..end]) + 1;
    }

    private static int CharactersIn(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++; // a byte that does not continue a multi-byte sequence starts a character
            }
        }

        return count;
    }
}
