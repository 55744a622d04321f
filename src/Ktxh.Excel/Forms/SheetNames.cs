namespace Ktxh.Excel;

/// <summary>The rules Excel puts on sheet names.</summary>
internal static class SheetNames
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 31 && name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0
        && name[0] != '\'' && name[^1] != '\'' && !string.Equals(name, FormLayout.MetadataSheetName, StringComparison.OrdinalIgnoreCase);

    public static void ThrowIfInvalid(string? name, string paramName)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"Tên trang tính '{name}' không hợp lệ (tối đa 31 ký tự, không có : \\ / ? * [ ]) / Sheet name '{name}' is not allowed (at most 31 characters, none of : \\ / ? * [ ])", paramName);
        }
    }
}
