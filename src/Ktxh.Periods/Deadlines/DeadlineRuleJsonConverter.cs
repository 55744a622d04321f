using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ktxh.Periods;

/// <summary>
/// Writes a <see cref="DeadlineRule"/> as its canonical text (<c>"day-of-month-after:12"</c>) and reads it back. Bad
/// text raises a <see cref="JsonException"/> with the bilingual located message (System.Text.Json sets the exception's Path).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class DeadlineRuleJsonConverter : JsonConverter<DeadlineRule>
{
    /// <inheritdoc />
    public override DeadlineRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Quy tắc hạn báo cáo phải là chuỗi (ví dụ \"day-of-month-after:12\"), gặp {reader.TokenType} / A deadline rule must be a string (e.g. \"day-of-month-after:12\"), found {reader.TokenType}.");
        }

        var result = DeadlineRule.ParseWithResult(reader.GetString());
        return result.Success ? result.Value : throw new JsonException(result.Errors[0].ToString());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DeadlineRule value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Id);
    }
}
