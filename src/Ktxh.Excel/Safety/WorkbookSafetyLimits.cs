namespace Ktxh.Excel;

/// <summary>
/// Limits a workbook must stay within before any spreadsheet library opens it: file size, number of zip entries,
/// total decompressed size and the compression ratio of each part (a zip bomb expands a few kilobytes into gigabytes).
/// Immutable and thread-safe.
/// </summary>
/// <param name="MaxFileBytes">The largest file accepted, in bytes (default 20 MB).</param>
/// <param name="MaxZipEntries">The most zip entries (parts) accepted (default 1,000).</param>
/// <param name="MaxDecompressedBytes">The largest total size of all parts once decompressed, in bytes (default 200 MB).</param>
/// <param name="MaxCompressionRatio">The largest ratio of decompressed to compressed size of one part (default 200; spreadsheet XML compresses about 10–30×).</param>
public sealed record WorkbookSafetyLimits(
    long MaxFileBytes = 20L * 1024 * 1024,
    int MaxZipEntries = 1_000,
    long MaxDecompressedBytes = 200L * 1024 * 1024,
    int MaxCompressionRatio = 200)
{
    /// <summary>Gets the default limits.</summary>
    public static WorkbookSafetyLimits Default { get; } = new();
}
