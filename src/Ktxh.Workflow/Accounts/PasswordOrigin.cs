namespace Ktxh.Workflow.Accounts;

/// <summary>Who set a password, which decides how long it may be used (seed 002 Điều 16 khoản 1, 2 and 6 điểm c).</summary>
public enum PasswordOrigin
{
    /// <summary>
    /// Issued by an administrator (the unit's or the system's, Điều 16 khoản 1): the user must change it within one day
    /// of receiving it (Điều 16 khoản 2).
    /// </summary>
    IssuedByAdministrator = 1,

    /// <summary>Chosen by the user when changing it: used at most 3 months (Điều 16 khoản 6 điểm c).</summary>
    ChosenByUser = 2,
}
