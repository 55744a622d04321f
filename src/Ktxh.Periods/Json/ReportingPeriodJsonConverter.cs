using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ktxh.Periods;

/// <summary>
/// Writes a <see cref="ReportingPeriod"/> as its canonical identifier string (<c>"2026-M07"</c>) and reads it back,
/// also as a dictionary key. Bad identifiers raise a <see cref="JsonException"/> carrying the bilingual located message
/// (System.Text.Json adds the JSON path).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    /// <inheritdoc />
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Kỳ báo cáo phải là chuỗi mã kỳ (ví dụ \"2026-M07\"), gặp {reader.TokenType} / A reporting period must be an identifier string (e.g. \"2026-M07\"), found {reader.TokenType}.");
        }

        return ReadId(reader.GetString());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Checked(value));
    }

    /// <inheritdoc />
    public override ReportingPeriod ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadId(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Checked(value));
    }

    private static ReportingPeriod ReadId(string? id)
    {
        var result = ReportingPeriod.ParseWithResult(id);
        return result.Success
            ? result.Value
            : throw new JsonException($"Mã kỳ báo cáo không hợp lệ / Invalid reporting period identifier \"{id}\": {result.Errors[0]}");
    }

    private static string Checked(ReportingPeriod value) => value.IsDefault
        ? throw new JsonException("default(ReportingPeriod) không phải một kỳ và không thể ghi / default(ReportingPeriod) is not a period and cannot be written.")
        : value.Id;
}
