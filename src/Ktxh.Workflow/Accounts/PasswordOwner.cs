using NodaTime;

namespace Ktxh.Workflow.Accounts;

/// <summary>
/// What is known about a password's owner that the password must not contain: the "easy words such as the name, the
/// birth date, the phone number" of seed 002 Điều 16 khoản 6 điểm b (<c>002-hanoi-ktxh-system-regulation.txt</c>).
/// Every part is optional; a part that is not given is not checked. Immutable and thread-safe.
/// </summary>
public sealed record PasswordOwner
{
    /// <summary>Gets the full name (họ và tên), such as <c>Nguyễn Văn An</c>; compared without diacritics or case.</summary>
    public string? FullName { get; init; }

    /// <summary>Gets the birth date.</summary>
    public LocalDate? BirthDate { get; init; }

    /// <summary>Gets the phone number in any usual writing (<c>0912 345 678</c>, <c>+84 912.345.678</c>); only its digits count.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>
    /// Gets other easy words the host forbids (the regulation's list is "such as"): the account name, the unit's name,
    /// a nickname. Compared without diacritics or case; a word of fewer than 3 letters or digits is ignored.
    /// </summary>
    public IReadOnlyList<string> OtherWords { get; init => field = (value ?? []).ToArray().AsReadOnly(); } = [];
}
