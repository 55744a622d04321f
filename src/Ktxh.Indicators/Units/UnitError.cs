namespace Ktxh.Indicators;

/// <summary>
/// A problem with a unit of measure, worded in Vietnamese and in English and saying where it happened.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
/// <param name="Location">Where the input came from (a field, a JSON path, a cell), or <c>null</c>.</param>
public readonly record struct UnitError(UnitErrorKind Kind, string MessageVi, string MessageEn, string? Location = null)
{
    /// <summary>Both messages, Vietnamese first: <c>"… / …"</c>.</summary>
    public string Message => MessageVi + " / " + MessageEn;

    /// <inheritdoc />
    public override string ToString() => Message;

    internal static UnitError Create(UnitErrorKind kind, string vi, string en, string? location)
    {
        if (!string.IsNullOrEmpty(location))
        {
            vi += " (tại " + location + ")";
            en += " (at " + location + ")";
        }

        return new UnitError(kind, vi, en, location);
    }

    internal static UnitError Unknown(string text, string? location) => Create(
        UnitErrorKind.UnknownUnit,
        "Không nhận ra đơn vị tính '" + text + "'",
        "Unknown unit of measure '" + text + "'",
        location);

    internal static UnitError Empty(string? location) => Create(
        UnitErrorKind.EmptyText,
        "Đơn vị tính trống",
        "The unit of measure is empty",
        location);

    internal static UnitError Incompatible(UnitOfMeasure from, UnitOfMeasure to) => Create(
        UnitErrorKind.IncompatibleDimensions,
        "Không thể chuyển đổi '" + from.NameVi + "' (" + from.Dimension.NameVi + ") sang '" + to.NameVi + "' (" + to.Dimension.NameVi + "): khác thứ nguyên",
        "Cannot convert '" + from.NameEn + "' (" + from.Dimension.NameEn + ") to '" + to.NameEn + "' (" + to.Dimension.NameEn + "): different dimensions",
        null);
}
