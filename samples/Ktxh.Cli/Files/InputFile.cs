using System.Text;

namespace Ktxh.Cli.Files;

/// <summary>
/// The one way a <c>ktxh</c> command opens a file it reads: a missing file, a folder or a file that cannot be read is
/// invalid input told in Vietnamese and English (option and shortened path, never exception text).
/// </summary>
internal static class InputFile
{
    /// <summary>Whether <paramref name="file"/> exists and is a file; prints why not otherwise.</summary>
    public static bool Check(CliContext cli, string option, FileInfo file)
    {
        string shown = CliText.Shorten(file.ToString());
        if (Directory.Exists(file.FullName))
        {
            cli.Error.WriteLine($"{option}: '{shown}' là một thư mục, không phải tệp / {option}: '{shown}' is a folder, not a file");
            return false;
        }

        if (!File.Exists(file.FullName))
        {
            cli.Error.WriteLine($"{option}: không tìm thấy tệp '{shown}' / {option}: file '{shown}' not found");
            return false;
        }

        return true;
    }

    /// <summary>Reads <paramref name="file"/> with <paramref name="read"/>; on a missing or unreadable file prints why and returns false.</summary>
    public static bool TryRead<T>(CliContext cli, string option, FileInfo file, Func<Stream, T> read, out T? value)
    {
        value = default;
        if (!Check(cli, option, file))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
            value = read(stream);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable(cli, option, file);
            return false;
        }
    }

    /// <summary>Reads <paramref name="file"/> as text (UTF-8, or the encoding its byte order mark names).</summary>
    public static bool TryReadText<T>(CliContext cli, string option, FileInfo file, Func<TextReader, T> read, out T? value) =>
        TryRead(cli, option, file, stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return read(reader);
        }, out value);

    /// <summary>Prints that <paramref name="file"/> cannot be read.</summary>
    public static void Unreadable(CliContext cli, string option, FileInfo file)
    {
        string shown = CliText.Shorten(file.ToString());
        cli.Error.WriteLine($"{option}: không đọc được tệp '{shown}' (không có quyền đọc hoặc tệp đang bị khóa) / {option}: the file '{shown}' cannot be read (no read permission or the file is locked)");
    }
}
