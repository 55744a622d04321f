namespace Ktxh.Workflow.Accounts;

/// <summary>
/// What a password that passed <see cref="PasswordPolicy.Check"/> is made of: counts only, never the password itself
/// (for a host's strength meter or log).
/// </summary>
/// <param name="Length">The number of characters (text elements, after Unicode NFC: "ế" counts once however it was typed).</param>
/// <param name="UpperCase">The number of upper-case letters.</param>
/// <param name="LowerCase">The number of lower-case letters.</param>
/// <param name="Digits">The number of digits 0–9.</param>
/// <param name="Special">The number of special characters (punctuation and symbols).</param>
public readonly record struct PasswordCheck(int Length, int UpperCase, int LowerCase, int Digits, int Special);
