namespace Ktxh.Workflow;

/// <summary>Names of roles, states and triggers in Vietnamese and English, for messages.</summary>
public static class RoleNames
{
    private static readonly (WorkflowRole Role, string Vi, string En)[] Names =
    [
        (WorkflowRole.Administrator, "quản trị", "administrator"),
        (WorkflowRole.DataEntry, "nhập liệu", "data entry"),
        (WorkflowRole.Approver, "phê duyệt", "approver"),
        (WorkflowRole.Sender, "gửi", "sender"),
        (WorkflowRole.Aggregator, "tổng hợp", "aggregator"),
        (WorkflowRole.Viewer, "xem", "viewer"),
    ];

    /// <summary>The roles in Vietnamese, joined by "hoặc".</summary>
    /// <param name="roles">The roles.</param>
    /// <returns>The text.</returns>
    public static string Vietnamese(WorkflowRole roles) => string.Join(" hoặc ", Names.Where(n => roles.HasFlag(n.Role)).Select(n => n.Vi));

    /// <summary>The roles in English, joined by "or".</summary>
    /// <param name="roles">The roles.</param>
    /// <returns>The text.</returns>
    public static string English(WorkflowRole roles) => string.Join(" or ", Names.Where(n => roles.HasFlag(n.Role)).Select(n => n.En));

    /// <summary>A state in Vietnamese.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string Vietnamese(SubmissionState state) => state switch
    {
        SubmissionState.NotStarted => "chưa bắt đầu",
        SubmissionState.Draft => "đang nhập",
        SubmissionState.AwaitingApproval => "chờ phê duyệt",
        SubmissionState.Approved => "đã phê duyệt",
        SubmissionState.Sent => "đã gửi",
        SubmissionState.Received => "đã tiếp nhận",
        SubmissionState.Accepted => "đã chấp nhận",
        SubmissionState.ReopenRequested => "đề nghị mở lại",
        SubmissionState.Cancelled => "đã hủy",
        SubmissionState.Withdrawn => "đã thu hồi",
        _ => state.ToString(),
    };

    /// <summary>A trigger in Vietnamese (a verb phrase).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The name.</returns>
    public static string Vietnamese(WorkflowTrigger trigger) => trigger switch
    {
        WorkflowTrigger.Assign => "giao biểu",
        WorkflowTrigger.EnterValues => "nhập số liệu",
        WorkflowTrigger.SubmitForApproval => "trình duyệt",
        WorkflowTrigger.Approve => "phê duyệt",
        WorkflowTrigger.Reject => "từ chối phê duyệt",
        WorkflowTrigger.Send => "gửi",
        WorkflowTrigger.Receive => "tiếp nhận",
        WorkflowTrigger.Accept => "chấp nhận",
        WorkflowTrigger.Return => "trả lại",
        WorkflowTrigger.RequestReopen => "đề nghị mở lại",
        WorkflowTrigger.GrantReopen => "đồng ý mở lại",
        WorkflowTrigger.DenyReopen => "từ chối mở lại",
        WorkflowTrigger.RevokeAcceptance => "hủy chấp nhận",
        WorkflowTrigger.Cancel => "hủy giao biểu",
        WorkflowTrigger.Withdraw => "thu hồi giao biểu",
        WorkflowTrigger.GrantLockException => "cho phép ngoại lệ khóa",
        _ => trigger.ToString(),
    };
}
