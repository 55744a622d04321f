namespace Ktxh.Indicators;

/// <summary>
/// Why a file could not be read, in Vietnamese and English, from the kind of failure only: an exception's own text is
/// English, may name .NET types and is never shown to a user (issue 8 §4).
/// </summary>
internal static class FileReadMessages
{
    /// <summary>The bilingual message for a failure to read <paramref name="name"/>.</summary>
    public static (string Vi, string En) CannotRead(string name, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => ($"Không tìm thấy tệp '{name}'", $"File '{name}' not found"),
        UnauthorizedAccessException => ($"Không có quyền đọc tệp '{name}' (hoặc đó là một thư mục)", $"No permission to read file '{name}' (or it is a folder)"),
        PathTooLongException => ($"Đường dẫn tệp '{name}' quá dài", $"The path of file '{name}' is too long"),
        _ => ($"Không đọc được tệp '{name}'", $"Cannot read file '{name}'"),
    };
}
