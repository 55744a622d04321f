namespace Ktxh.Workflow;

/// <summary>
/// The guards of the submission lifecycle, each with the rule it enforces in Vietnamese and English (roles and
/// scope: QĐ 690/QĐ-UBND 2025 Điều 7, 10, 15.2, seed 002 "002-hanoi-ktxh-system-regulation.txt").
/// </summary>
public static class LifecycleGuards
{
    /// <summary>The actor holds one of <paramref name="roles"/>.</summary>
    /// <param name="roles">The roles accepted.</param>
    /// <returns>The guard.</returns>
    public static Guard<LifecycleContext> HasRole(WorkflowRole roles) => new(WorkflowErrorCode.RoleMissing,
        $"tài khoản phải có quyền {RoleNames.Vietnamese(roles)}", $"the account needs the {RoleNames.English(roles)} role",
        c => c.Actor.HasAny(roles));

    /// <summary>The actor belongs to the reporting unit (a unit acts on its own submissions).</summary>
    public static Guard<LifecycleContext> OwnUnit { get; } = new(WorkflowErrorCode.OutOfScope,
        "chỉ đơn vị báo cáo được thao tác trên báo cáo của mình (Điều 15.2: chỉ tổ chức quản lý thông tin được sửa)",
        "only the reporting unit acts on its own report (Art. 15.2: only the owning organisation changes its data)",
        c => c.Actor.UnitCode == c.Submission.Id.UnitCode);

    /// <summary>The actor belongs to the receiving (aggregating) unit of the assignment.</summary>
    public static Guard<LifecycleContext> ReceivingUnit { get; } = new(WorkflowErrorCode.OutOfScope,
        "chỉ đơn vị tổng hợp nhận báo cáo này được thao tác", "only the aggregating unit that receives this report may act",
        c => c.Actor.UnitCode == c.Submission.Assignment.ReceivingUnitCode);

    /// <summary>The form is assigned to the actor (data entry enters only the forms assigned to it, Điều 10.4).</summary>
    public static Guard<LifecycleContext> FormAssigned { get; } = new(WorkflowErrorCode.FormNotAssignedToActor,
        "biểu mẫu phải được giao cho tài khoản (Điều 10.4)", "the form must be assigned to the account (Art. 10.4)",
        c => c.Actor.IsAssigned(c.Submission.Id.FormCode));

    /// <summary>A reason is given.</summary>
    public static Guard<LifecycleContext> ReasonGiven { get; } = new(WorkflowErrorCode.ReasonRequired,
        "phải nêu lý do", "a reason is required", c => !string.IsNullOrWhiteSpace(c.Reason));

    /// <summary>Content is given (data entry).</summary>
    public static Guard<LifecycleContext> ContentGiven { get; } = new(WorkflowErrorCode.InvalidContent,
        "phải gửi kèm số liệu", "content (values) is required", c => c.Content is not null);

    /// <summary>Segregation of duties: whoever entered the revision does not approve it.</summary>
    public static Guard<LifecycleContext> NotEnteredByActor { get; } = new(WorkflowErrorCode.SegregationOfDuties,
        "người nhập số liệu của lần sửa này không được tự phê duyệt (phân tách nhiệm vụ)",
        "whoever entered this revision cannot approve it (segregation of duties)",
        c => !c.Policy.SegregationOfDuties || c.Submission.CurrentRevision is not { } r || !Lists(r.EnteredBy, c.Actor.UserName));

    // A loop rather than Enumerable.Contains with a comparer (which enumerates through an allocated enumerator).
    private static bool Lists(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Segregation of duties in two-step acceptance: whoever received does not also accept.</summary>
    public static Guard<LifecycleContext> NotReceivedByActor { get; } = new(WorkflowErrorCode.SegregationOfDuties,
        "người tiếp nhận bước một không được tự duyệt bước hai (phân tách nhiệm vụ)",
        "whoever took the first acceptance step cannot complete it (segregation of duties)",
        c => !c.Policy.SegregationOfDuties || c.Submission.CurrentRevision?.ReceivedBy != c.Actor.UserName);

    /// <summary>The level above has not accepted the report this submission feeds.</summary>
    public static Guard<LifecycleContext> NotLockedByHigherLevel { get; } = new(WorkflowErrorCode.LockedByHigherLevel,
        "cấp trên đã chấp nhận báo cáo tổng hợp; số liệu bị khóa cho đến khi việc chấp nhận được hủy có lý do",
        "the level above has accepted the aggregate report; the data is locked until that acceptance is undone with a reason",
        c => !c.IsLockedByHigherLevel);

    /// <summary>Data entry is open.</summary>
    public static Guard<LifecycleContext> EntryOpen { get; } = new(WorkflowErrorCode.EntryClosed,
        "đã hết hạn nhập liệu (và không có ngoại lệ khóa còn hiệu lực)",
        "data entry has closed (and no lock exception is active)",
        c => c.IsEntryOpen);
}
