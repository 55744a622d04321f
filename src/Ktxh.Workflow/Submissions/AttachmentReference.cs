namespace Ktxh.Workflow;

/// <summary>
/// A reference to a file attached to a report (the explanatory report with its assessment and proposals is attached
/// on the system, QĐ 690/QĐ-UBND 2025 Điều 13.2, seed 002). The workflow keeps the reference and the file's SHA-256,
/// not the file; the host stores the file. Immutable.
/// </summary>
/// <param name="Name">The file name.</param>
/// <param name="StorageKey">Where the host keeps it (a key in its file store).</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, lower-case hexadecimal (64 characters).</param>
/// <param name="MediaType">The media type (<c>application/pdf</c>), if known.</param>
public sealed record AttachmentReference(string Name, string StorageKey, string Sha256, string? MediaType = null);
