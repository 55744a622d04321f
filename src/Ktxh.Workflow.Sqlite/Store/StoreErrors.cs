namespace Ktxh.Workflow.Sqlite;

/// <summary>The contract's errors, worded as the in-memory store words them.</summary>
internal static class StoreErrors
{
    public static KtxhResult<IReadOnlyList<StoredEvent>> Conflict(string streamId, long actual, long expected) =>
        KtxhResult<IReadOnlyList<StoredEvent>>.ForError(KtxhError.Create(WorkflowErrorCode.ConcurrencyConflict, ErrorLocation.AtField(streamId),
            $"Báo cáo {streamId} đã được thay đổi (phiên bản {actual}, lệnh dựa trên phiên bản {expected}); hãy tải lại.",
            $"Submission {streamId} was changed meanwhile (version {actual}, the command was based on version {expected}); reload."));

    public static KtxhResult<IReadOnlyList<StoredEvent>> Duplicate(string streamId, Guid commandId) =>
        KtxhResult<IReadOnlyList<StoredEvent>>.ForError(KtxhError.Create(WorkflowErrorCode.DuplicateCommandId, ErrorLocation.AtField(streamId),
            $"Mã lệnh {commandId} đã được ghi nhận.", $"Command id {commandId} is already recorded."));
}
