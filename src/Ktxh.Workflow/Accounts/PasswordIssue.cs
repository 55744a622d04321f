using NodaTime;

namespace Ktxh.Workflow.Accounts;

/// <summary>When a user's current password was set and by whom: what <see cref="PasswordAgePolicy"/> needs to know.</summary>
/// <param name="SetAt">
/// The instant the password was set: for <see cref="PasswordOrigin.IssuedByAdministrator"/> the instant the user
/// received it (tiếp nhận, seed 002 Điều 16 khoản 2), usually the instant it was issued; for
/// <see cref="PasswordOrigin.ChosenByUser"/> the instant of the change.
/// </param>
/// <param name="Origin">Who set it.</param>
public readonly record struct PasswordIssue(Instant SetAt, PasswordOrigin Origin);
