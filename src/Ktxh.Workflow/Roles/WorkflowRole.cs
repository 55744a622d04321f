namespace Ktxh.Workflow;

/// <summary>
/// The roles of seed 002 "002-hanoi-ktxh-system-regulation.txt" (QĐ 690/QĐ-UBND 2025 Điều 7 and 10). An account may
/// hold several (a small unit's leader often also sends).
/// </summary>
[Flags]
public enum WorkflowRole
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>Administrator (quản trị, Điều 10.1): indicators, form templates, accounts; may cancel an assignment of
    /// its unit, never edits or approves data.</summary>
    Administrator = 1,

    /// <summary>Data entry (nhập liệu, Điều 10.4): enters data for the forms assigned to it and submits it.</summary>
    DataEntry = 2,

    /// <summary>Approver (phê duyệt, the unit leader, Điều 10.3): approves or rejects the unit's data; asks to reopen.</summary>
    Approver = 4,

    /// <summary>Sender (gửi, Điều 10.5): sends the approved report to the aggregating unit.</summary>
    Sender = 8,

    /// <summary>Aggregator (tổng hợp, Điều 7.2, 10.2): assigns, accepts or returns what units send, follows progress;
    /// never edits another unit's data (Điều 15.2).</summary>
    Aggregator = 16,

    /// <summary>Viewer: reads, changes nothing.</summary>
    Viewer = 32,
}
