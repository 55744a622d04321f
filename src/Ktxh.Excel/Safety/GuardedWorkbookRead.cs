namespace Ktxh.Excel;

/// <summary>
/// The one way every importer reads a workbook: the stream read within the size limit, the hostile-file checks before
/// anything parses it, and any failure of the reading library turned into a located error, never an exception.
/// </summary>
internal static class GuardedWorkbookRead
{
    /// <summary>Reads <paramref name="workbook"/> to its end (within the limits) and hands its bytes to <paramref name="import"/>.</summary>
    public static KtxhResult<T> FromStream<T>(Stream workbook, WorkbookSafetyLimits limits, Func<byte[], KtxhResult<T>> import)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        KtxhResult<byte[]> bytes;
        try
        {
            bytes = WorkbookInspector.ReadAll(workbook, limits);
        }
        catch (IOException)
        {
            // Our own words only: an exception's text is in the runtime's language and may name machine paths.
            return KtxhResult<T>.ForError(ExcelErrors.File(ExcelErrorCode.NotAWorkbook,
                "Không đọc được tệp (lỗi đọc dữ liệu giữa chừng)", "The file cannot be read (a read failed part-way through)"));
        }

        return bytes.TryGetValue(out byte[]? data) ? import(data) : bytes.ConvertError<T>();
    }

    /// <summary>Checks <paramref name="workbook"/> for hostile content, opens it with the options' engine and runs <paramref name="read"/>.</summary>
    public static KtxhResult<T> Open<T>(byte[] workbook, KtxhExcelOptions options, Func<ICellSource, KtxhResult<T>> read)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        IReadOnlyList<KtxhError> unsafeFile = WorkbookInspector.Inspect(workbook, options.Limits);
        if (unsafeFile.Count > 0)
        {
            return KtxhResult<T>.ForErrors(unsafeFile);
        }

        try
        {
            using ICellSource source = CellSources.Open(workbook, options.ReadEngine);
            return read(source);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged package can fail anywhere inside the reading library, with many exception types; the contract is a
            // clear error, never an unhandled exception, and the file has already passed the safety checks. The
            // library's text is not shown (issue 8 §4): it is English only and speaks of its own internals.
            return KtxhResult<T>.ForError(ExcelErrors.File(ExcelErrorCode.CorruptWorkbook,
                "Tệp Excel bị hỏng, không đọc được (cấu trúc sổ tính hoặc trang tính không hợp lệ); hãy mở và lưu lại bằng Excel rồi thử lại",
                "The Excel file is damaged and cannot be read (its workbook or sheet structure is not valid); open and save it again in Excel, then retry"));
        }
    }
}
