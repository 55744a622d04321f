namespace Ktxh.Indicators.MeasureUnits;

/// <summary>The bilingual unit-of-measure errors, as <see cref="KtxhError"/>s coded by <see cref="MeasureUnitErrorCode"/>.</summary>
internal static class MeasureUnitErrors
{
    internal static KtxhError Create(MeasureUnitErrorCode code, string vi, string en, ErrorLocation? location) =>
        KtxhError.Create(code, location ?? ErrorLocation.None, vi, en);

    internal static KtxhError Unknown(string text, ErrorLocation? location) => Create(
        MeasureUnitErrorCode.UnknownUnit,
        "Không nhận ra đơn vị tính '" + text + "'",
        "Unknown unit of measure '" + text + "'",
        location);

    internal static KtxhError Empty(ErrorLocation? location) => Create(
        MeasureUnitErrorCode.EmptyText,
        "Đơn vị tính trống",
        "The unit of measure is empty",
        location);

    internal static KtxhError Incompatible(MeasureUnit from, MeasureUnit to) => Create(
        MeasureUnitErrorCode.IncompatibleDimensions,
        "Không thể chuyển đổi '" + from.NameVi + "' (" + from.Dimension.NameVi + ") sang '" + to.NameVi + "' (" + to.Dimension.NameVi + "): khác thứ nguyên",
        "Cannot convert '" + from.NameEn + "' (" + from.Dimension.NameEn + ") to '" + to.NameEn + "' (" + to.Dimension.NameEn + "): different dimensions",
        null);
}
