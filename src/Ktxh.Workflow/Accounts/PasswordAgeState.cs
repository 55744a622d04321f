namespace Ktxh.Workflow.Accounts;

/// <summary>What a host must do about a password's age (<see cref="PasswordAgeStatus.State"/>).</summary>
public enum PasswordAgeState
{
    /// <summary>The password may still be used until <see cref="PasswordAgeStatus.DueAt"/>.</summary>
    Ok = 1,

    /// <summary>The password must be changed now: the host lets the user do nothing else until it is.</summary>
    MustChangeNow = 2,
}
