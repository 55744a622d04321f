using System.Globalization;

namespace Ktxh.Excel;

/// <summary>What an input cell holds once interpreted.</summary>
internal readonly record struct CellReading(bool IsEmpty, bool Failed, decimal? Number, string? Text)
{
    public static CellReading Empty => new(true, false, null, null);

    public static CellReading Error => new(false, true, null, null);
}

/// <summary>
/// Turns a raw cell into a value or a located error, the same way for every import (form workbooks, history
/// workbooks) and every read engine: formulas by policy, booleans, dates and errors refused, Vietnamese-style numbers
/// understood, numbers to Excel's 15 significant digits, bounds checked. Thread-safe (reads its options only).
/// </summary>
internal sealed class CellInterpreter(KtxhExcelOptions options)
{
    private readonly KtxhExcelOptions _options = options;

    /// <remarks>The cell's address is given as row and column and written out only for an error or a warning: a national
    /// history workbook has hundreds of thousands of cells and almost none of them needs it.</remarks>
    public CellReading Interpret(RawCell raw, bool textual, Indicator indicator, ValueBounds bounds, string sheet, int row, int column, List<KtxhError> errors, List<KtxhError> warnings)
    {
        if (raw.Type is null)
        {
            return CellReading.Empty;
        }

        string address = raw.HasFormula || raw.Type is "b" or "e" or "d" or "s?" ? CellAddress.Of(row, column) : string.Empty;

        if (raw.HasFormula)
        {
            if (_options.Formulas == FormulaPolicy.Reject)
            {
                errors.Add(ExcelErrors.At(ExcelErrorCode.FormulaInInputCell, sheet, address,
                    $"Ô nhập liệu chứa công thức '={raw.Formula}' (giá trị lưu sẵn: '{raw.Raw}'); công thức không được tính, hãy nhập số",
                    $"The input cell holds the formula '={raw.Formula}' (cached value: '{raw.Raw}'); formulas are not evaluated, type the number"));
                return CellReading.Error;
            }

            warnings.Add(ExcelErrors.At(ExcelErrorCode.FormulaInInputCell, sheet, address,
                $"Ô chứa công thức '={raw.Formula}'; đã dùng giá trị lưu sẵn '{raw.Raw}' (không tính lại)",
                $"The cell holds the formula '={raw.Formula}'; its cached value '{raw.Raw}' was used (not recalculated)"));
        }

        string? text = raw.Type switch
        {
            "s" or "str" or "inlineStr" => raw.Raw,
            "n" => raw.Raw,
            _ => null,
        };
        if (raw.Type is "b" or "e" or "d" or "s?")
        {
            string kind = raw.Type switch { "b" => "giá trị đúng/sai", "e" => "giá trị lỗi", "d" => "ngày tháng", _ => "chuỗi hỏng" };
            string kindEn = raw.Type switch { "b" => "a true/false value", "e" => "an error value", "d" => "a date", _ => "a broken string" };
            errors.Add(ExcelErrors.At(ExcelErrorCode.NotANumber, sheet, address,
                $"Ô chứa {kind} '{raw.Raw}', không phải {(textual ? "chữ" : "số")}", $"The cell holds {kindEn} '{raw.Raw}', not {(textual ? "text" : "a number")}"));
            return CellReading.Error;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return CellReading.Empty;
        }

        if (textual)
        {
            string normalized = VietnameseText.Normalize(text)!;
            if (normalized.Length > _options.MaxTextLength)
            {
                errors.Add(ExcelErrors.At(ExcelErrorCode.TextTooLong, sheet, CellAddress.Of(row, column),
                    $"Nội dung dài {normalized.Length} ký tự, quá giới hạn {_options.MaxTextLength}", $"The text is {normalized.Length} characters long, more than the limit of {_options.MaxTextLength}"));
                return CellReading.Error;
            }

            return new CellReading(false, false, null, normalized);
        }

        decimal number;
        if (raw.Type == "n")
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                errors.Add(ExcelErrors.At(ExcelErrorCode.NotANumber, sheet, CellAddress.Of(row, column),
                    $"Ô chứa '{text}', không phải số hoặc số quá lớn", $"The cell holds '{text}', which is not a number or is too large"));
                return CellReading.Error;
            }

            number = number != 0m && ShortEnough(text) ? number : ToExcelPrecision(number);
        }
        else if (!VietnameseNumber.TryParse(text, out number))
        {
            string shown = text.Length > 50 ? text[..50] + "…" : text;
            errors.Add(ExcelErrors.At(ExcelErrorCode.NotANumber, sheet, CellAddress.Of(row, column),
                $"Ô chứa chữ '{shown}', không phải số (viết số như 1.234,5)", $"The cell holds the text '{shown}', not a number (write numbers like 1.234,5)"));
            return CellReading.Error;
        }

        return CheckBounds(number, indicator, bounds, sheet, row, column, errors) ? new CellReading(false, false, number, null) : CellReading.Error;
    }

    /// <summary>
    /// Whether a stored number's text already has at most 15 significant digits in the shortest form (no exponent, no
    /// trailing zero after a decimal point), so that rounding it to Excel's precision would give back the same value
    /// and the same scale: the usual case, spared a format and a parse per cell.
    /// </summary>
    internal static bool ShortEnough(string text) =>
        text.Length <= 15 && text.AsSpan().IndexOfAny('E', 'e') < 0 && !(text.Contains('.', StringComparison.Ordinal) && text[^1] == '0');

    private static bool CheckBounds(decimal number, Indicator ind, ValueBounds bounds, string sheet, int row, int column, List<KtxhError> errors)
    {
        string shown = number.ToString(CultureInfo.InvariantCulture);
        if (bounds.Min == 0m && number < 0m)
        {
            string what = ind.ValueKind switch { ValueKind.Count => "số đếm", ValueKind.Stock => "số hiện có", _ => "giá trị" };
            errors.Add(ExcelErrors.At(ExcelErrorCode.NegativeValue, sheet, CellAddress.Of(row, column),
                $"Chỉ tiêu '{ind.Code}' là {what}, không được âm ({VietnameseNumber.Format(number)})",
                $"Indicator '{ind.Code}' is a {ind.ValueKind.ToString().ToLowerInvariant()} and cannot be negative ({shown})"));
            return false;
        }

        if ((bounds.Min is { } min && number < min) || (bounds.Max is { } max && number > max))
        {
            errors.Add(ExcelErrors.At(ExcelErrorCode.OutOfBounds, sheet, CellAddress.Of(row, column),
                $"Giá trị {VietnameseNumber.Format(number)} của chỉ tiêu '{ind.Code}' nằm ngoài khoảng [{bounds.Min}; {bounds.Max}]",
                $"Value {shown} of indicator '{ind.Code}' is outside [{bounds.Min}; {bounds.Max}]"));
            return false;
        }

        if (bounds.WholeNumbers && number != decimal.Truncate(number))
        {
            errors.Add(ExcelErrors.At(ExcelErrorCode.NotAWholeNumber, sheet, CellAddress.Of(row, column),
                $"Chỉ tiêu '{ind.Code}' là số đếm, phải là số nguyên ({VietnameseNumber.Format(number)})",
                $"Indicator '{ind.Code}' is a count and must be a whole number ({shown})"));
            return false;
        }

        return true;
    }

    /// <summary>Excel keeps 15 significant digits; a stored double such as 0.30000000000000004 means 0.3.</summary>
    internal static decimal ToExcelPrecision(decimal number)
    {
        if (number == 0m)
        {
            return 0m;
        }

        string g = number.ToString("G15", CultureInfo.InvariantCulture);
        return decimal.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal rounded) ? rounded : number;
    }
}
