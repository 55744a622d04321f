using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>Assertions shared by the CLI tests.</summary>
public static partial class CliAssert
{
    /// <summary>
    /// Invalid input: the exit code, nothing on stdout, and a message on stderr in Vietnamese (with its diacritics)
    /// and in English, each naming what was wrong (<paramref name="vi"/>, <paramref name="en"/>).
    /// </summary>
    public static void RejectedBilingually(CliResult result, int exitCode, string vi, string en)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}: {result}");
        Assert.True(result.Stdout.Length == 0, $"expected nothing on stdout: {result}");
        Assert.Matches(VietnameseLetter(), result.Stderr);
        Assert.Contains(vi, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(en, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Success: exit code 0, nothing on stderr; returns stdout.</summary>
    public static string Succeeded(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"expected exit 0: {result}");
        Assert.True(result.Stderr.Length == 0, $"expected nothing on stderr: {result}");
        return result.Stdout;
    }

    /// <summary>Success with JSON on stdout: parses it (a parse failure fails the test).</summary>
    public static JsonElement SucceededWithJson(CliResult result)
    {
        string stdout = Succeeded(result);
        using JsonDocument document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    [GeneratedRegex("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();
}
