namespace Ktxh.Workflow.Accounts;

/// <summary>Which rule sets a password's due instant (<see cref="PasswordAgeStatus.Rule"/>).</summary>
public enum PasswordAgeRule
{
    /// <summary>A password issued by an administrator is changed within one day of receipt (seed 002 Điều 16 khoản 2).</summary>
    IssuedPassword = 1,

    /// <summary>Every password is changed at least once every 3 months (seed 002 Điều 16 khoản 6 điểm c).</summary>
    MaximumAge = 2,
}
