using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ktxh.Periods;

/// <summary>
/// Reads and writes a <see cref="CutoffConvention"/>. The built-in conventions are written as their names
/// (<c>"calendar"</c>, <c>"decree09"</c>); any other as an object naming the rule of each kind, a day number for a
/// day-N rule or <c>"calendar"</c>:
/// <code>{ "name": "hanoi-2025", "rules": { "Month": 15, "Quarter": 15, "NineMonths": 15, "Week": "calendar" } }</code>
/// Names of built-ins are read case-insensitively. Errors raise a <see cref="JsonException"/> in Vietnamese and English
/// naming the offending property; nothing is built unless the whole object is valid.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class CutoffConventionJsonConverter : JsonConverter<CutoffConvention>
{
    /// <inheritdoc />
    public override CutoffConvention? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                string? name = reader.GetString();
                if (string.Equals(name, CutoffConvention.Calendar.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return CutoffConvention.Calendar;
                }

                if (string.Equals(name, CutoffConvention.Decree09.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return CutoffConvention.Decree09;
                }

                throw new JsonException($"Không có quy ước chốt số liệu dựng sẵn tên \"{name}\" (calendar, decree09) / No built-in cut-off convention is named \"{name}\" (calendar, decree09).");
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            default:
                throw new JsonException($"Quy ước chốt số liệu phải là tên hoặc đối tượng, gặp {reader.TokenType} / A cut-off convention must be a name or an object, found {reader.TokenType}.");
        }
    }

    private static CutoffConvention ReadObject(ref Utf8JsonReader reader)
    {
        string? name = null;
        var rules = new List<KeyValuePair<PeriodType, CutoffRule>>();
        bool sawRules = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string property = reader.GetString()!;
            reader.Read();
            if (property.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                name = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("\"name\" phải là chuỗi / \"name\" must be a string.");
            }
            else if (property.Equals("rules", StringComparison.OrdinalIgnoreCase))
            {
                sawRules = true;
                ReadRules(ref reader, rules);
            }
            else
            {
                throw new JsonException($"Thuộc tính không hợp lệ \"{property}\" (chỉ có name, rules) / Unknown property \"{property}\" (only name, rules).");
            }
        }

        if (string.IsNullOrWhiteSpace(name) || !sawRules)
        {
            throw new JsonException("Quy ước chốt số liệu cần \"name\" và \"rules\" / A cut-off convention needs \"name\" and \"rules\".");
        }

        try
        {
            return CutoffConvention.Create(name, rules);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    private static void ReadRules(ref Utf8JsonReader reader, List<KeyValuePair<PeriodType, CutoffRule>> rules)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("\"rules\" phải là đối tượng { loại kỳ: quy tắc } / \"rules\" must be an object { kind: rule }.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            if (!Enum.TryParse(key, ignoreCase: true, out PeriodType type) || !Enum.IsDefined(type) || int.TryParse(key, out _))
            {
                throw new JsonException($"Loại kỳ không hợp lệ \"{key}\" trong rules / Unknown period type \"{key}\" in rules.");
            }

            reader.Read();
            CutoffRule rule;
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int day) && day is >= 2 and <= 28)
            {
                rule = CutoffRule.DayOfMonth(day);
            }
            else if (reader.TokenType == JsonTokenType.String && string.Equals(reader.GetString(), "calendar", StringComparison.OrdinalIgnoreCase))
            {
                rule = CutoffRule.Calendar;
            }
            else
            {
                throw new JsonException($"Quy tắc của \"{key}\" phải là ngày 2–28 hoặc \"calendar\" / The rule for \"{key}\" must be a day 2–28 or \"calendar\".");
            }

            rules.Add(new KeyValuePair<PeriodType, CutoffRule>(type, rule));
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CutoffConvention value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Equals(CutoffConvention.Calendar) || value.Equals(CutoffConvention.Decree09))
        {
            writer.WriteStringValue(value.Name);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteStartObject("rules");
        foreach (var (type, rule) in value.Rules.OrderBy(kv => kv.Key))
        {
            if (rule.Kind == CutoffRuleKind.DayOfMonth)
            {
                writer.WriteNumber(type.ToString(), rule.Day);
            }
            else
            {
                writer.WriteString(type.ToString(), "calendar");
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
