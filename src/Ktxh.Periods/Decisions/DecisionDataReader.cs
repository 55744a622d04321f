using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Periods;

/// <summary>Reads and validates official decision data (the JSON format of
/// <c>Data/vn-civil-service-calendar.json</c>, documented in <c>docs/calendar.md</c>). The text is read by
/// <see cref="LocatedJson"/> (byte order mark, duplicate properties and syntax errors located by line and column, as in
/// every package); every content problem is collected with its JSON path; the caller stores nothing unless the list of
/// errors is empty.</summary>
internal static class DecisionDataReader
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>The options of <see cref="LocatedJson"/> for decision data named <paramref name="source"/>.</summary>
    public static LocatedJsonOptions Options(string? source) => LocatedJsonOptions.Default with { Source = source };

    /// <summary>Reads the years of a parsed text; returns them, or every error found (the text's own first).</summary>
    public static KtxhResult<IReadOnlyList<YearDecision>> Read(KtxhResult<JsonDocument> parsed, string? source)
    {
        if (!parsed.TryGetValue(out JsonDocument? document))
        {
            return parsed.ConvertError<IReadOnlyList<YearDecision>>();
        }

        using (document)
        {
            var errors = new List<KtxhError>();
            IReadOnlyList<YearDecision> years = Read(document.RootElement, errors);
            return KtxhResult.FromErrorsOr(errors.Select(e => e.WithSource(source)).ToArray(), () => years);
        }
    }

    private static IReadOnlyList<YearDecision> Read(JsonElement root, List<KtxhError> errors)
    {
        var years = new List<YearDecision>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error(CalendarDataErrorCode.WrongType, "$", "Gốc phải là một đối tượng JSON có thuộc tính \"years\".",
                "The root must be a JSON object with a \"years\" property."));
            return years;
        }

        if (root.TryGetProperty("schemaVersion", out JsonElement version) &&
            !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out int v) && v == 1))
        {
            errors.Add(Error(CalendarDataErrorCode.InvalidValue, "$.schemaVersion", "Phiên bản lược đồ phải là 1.", "The schema version must be 1."));
        }

        if (!root.TryGetProperty("years", out JsonElement yearsElement) || yearsElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Error(CalendarDataErrorCode.Missing, "$.years", "Thiếu mảng \"years\".", "The \"years\" array is missing."));
            return years;
        }

        var seen = new HashSet<int>();
        int index = 0;
        foreach (JsonElement yearElement in yearsElement.EnumerateArray())
        {
            string path = $"$.years[{index}]";
            YearDecision? year = ReadYear(yearElement, path, errors);
            if (year is not null)
            {
                if (!seen.Add(year.Year))
                {
                    errors.Add(Error(CalendarDataErrorCode.Duplicate, path + ".year",
                        $"Năm {year.Year} xuất hiện hơn một lần.",
                        $"Year {year.Year} appears more than once."));
                }

                years.Add(year);
            }

            index++;
        }

        return years;
    }

    private static YearDecision? ReadYear(JsonElement element, string path, List<KtxhError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error(CalendarDataErrorCode.WrongType, path, "Mỗi năm phải là một đối tượng JSON.", "Each year must be a JSON object."));
            return null;
        }

        int errorsBefore = errors.Count;
        if (!element.TryGetProperty("year", out JsonElement yearElement) ||
            yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out int year))
        {
            errors.Add(Error(CalendarDataErrorCode.Missing, path + ".year", "Thiếu năm (số nguyên).", "The year (an integer) is missing."));
            return null;
        }

        if (year < HolidayRules.MinYear || year > HolidayRules.MaxYear)
        {
            errors.Add(Error(CalendarDataErrorCode.InvalidValue, path + ".year",
                $"Năm {year} nằm ngoài phạm vi {HolidayRules.MinYear}–{HolidayRules.MaxYear}.",
                $"Year {year} is outside the supported range {HolidayRules.MinYear}–{HolidayRules.MaxYear}."));
            return null;
        }

        // Sources first: the other entries cite them by id.
        var sources = new Dictionary<string, OfficialDecision>(StringComparer.Ordinal);
        var sourceList = new List<OfficialDecision>();
        if (!element.TryGetProperty("sources", out JsonElement sourcesElement) || sourcesElement.ValueKind != JsonValueKind.Array ||
            sourcesElement.GetArrayLength() == 0)
        {
            errors.Add(Error(CalendarDataErrorCode.Missing, path + ".sources",
                "Thiếu danh sách văn bản nguồn (ít nhất một văn bản).",
                "The list of source documents is missing (at least one document)."));
        }
        else
        {
            int i = 0;
            foreach (JsonElement s in sourcesElement.EnumerateArray())
            {
                string sp = $"{path}.sources[{i}]";
                OfficialDecision? decision = ReadSource(s, sp, errors);
                if (decision is not null && !sources.TryAdd(decision.Id, decision))
                {
                    errors.Add(Error(CalendarDataErrorCode.Duplicate, sp + ".id", $"Mã văn bản \"{decision.Id}\" bị trùng.", $"Duplicate source id \"{decision.Id}\"."));
                }
                else if (decision is not null)
                {
                    sourceList.Add(decision);
                }

                i++;
            }
        }

        // Tết days.
        var tetDays = new List<LocalDate>();
        OfficialDecision? tetSource = null;
        string tp = path + ".tet";
        if (!element.TryGetProperty("tet", out JsonElement tet) || tet.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error(CalendarDataErrorCode.Missing, tp, "Thiếu các ngày nghỉ Tết (\"tet\").", "The Tết days (\"tet\") are missing."));
        }
        else
        {
            tetSource = ReadSourceRef(tet, tp, sources, errors);
            int expected = HolidayRules.TetLength(year);
            if (!tet.TryGetProperty("days", out JsonElement days) || days.ValueKind != JsonValueKind.Array)
            {
                errors.Add(Error(CalendarDataErrorCode.Missing, tp + ".days", "Thiếu mảng ngày nghỉ Tết.", "The array of Tết days is missing."));
            }
            else
            {
                LocalDate newYear = HolidayRules.LunarNewYear(year);
                int i = 0;
                foreach (JsonElement d in days.EnumerateArray())
                {
                    string dp = $"{tp}.days[{i}]";
                    if (ReadDate(d, dp, errors) is { } date)
                    {
                        if (Math.Abs(Period.DaysBetween(newYear, date)) > 7)
                        {
                            errors.Add(Error(CalendarDataErrorCode.DateOutOfYear, dp,
                                $"Ngày {Format(date)} cách mùng 1 Tết ({Format(newYear)}) quá 7 ngày.",
                                $"{Iso(date)} is more than 7 days from the lunar new year ({Iso(newYear)})."));
                        }
                        else if (tetDays.Contains(date))
                        {
                            errors.Add(Error(CalendarDataErrorCode.Duplicate, dp, $"Ngày {Format(date)} bị trùng.", $"{Iso(date)} is listed twice."));
                        }
                        else
                        {
                            tetDays.Add(date);
                        }
                    }

                    i++;
                }

                if (days.GetArrayLength() != expected)
                {
                    errors.Add(Error(CalendarDataErrorCode.InvalidValue, tp + ".days",
                        $"Tết năm {year} có {expected} ngày nghỉ theo Bộ luật Lao động, dữ liệu có {days.GetArrayLength()}.",
                        $"Tết {year} has {expected} days off under the Labor Code; the data lists {days.GetArrayLength()}."));
                }
            }
        }

        // National Day adjacent day (Labor Code 2019 Art. 112(1)(đ), from 2021).
        LocalDate? adjacent = null;
        OfficialDecision? adjacentSource = null;
        string np = path + ".nationalDayAdjacent";
        bool hasAdjacent = element.TryGetProperty("nationalDayAdjacent", out JsonElement nd) && nd.ValueKind != JsonValueKind.Null;
        if (HolidayRules.HasNationalDayAdjacentDay(year))
        {
            if (!hasAdjacent || nd.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Error(CalendarDataErrorCode.Missing, np,
                    "Từ năm 2021 phải có ngày liền kề Quốc khánh (1/9 hoặc 3/9).",
                    "From 2021 the day adjacent to National Day (1/9 or 3/9) is required."));
            }
            else
            {
                adjacentSource = ReadSourceRef(nd, np, sources, errors);
                if (nd.TryGetProperty("date", out JsonElement ad) && ReadDate(ad, np + ".date", errors) is { } date)
                {
                    if (date != new LocalDate(year, 9, 1) && date != new LocalDate(year, 9, 3))
                    {
                        errors.Add(Error(CalendarDataErrorCode.InvalidValue, np + ".date",
                            $"Ngày liền kề Quốc khánh phải là 01/09/{year} hoặc 03/09/{year}.",
                            $"The day adjacent to National Day must be {year}-09-01 or {year}-09-03."));
                    }
                    else
                    {
                        adjacent = date;
                    }
                }
                else if (!nd.TryGetProperty("date", out _))
                {
                    errors.Add(Error(CalendarDataErrorCode.Missing, np + ".date", "Thiếu ngày.", "The date is missing."));
                }
            }
        }
        else if (hasAdjacent)
        {
            errors.Add(Error(CalendarDataErrorCode.InvalidValue, np,
                "Trước năm 2021 (Bộ luật Lao động 2012) Quốc khánh chỉ có 1 ngày nghỉ.",
                "Before 2021 (Labor Code 2012) National Day is a single day off."));
        }

        // Swapped days.
        var swaps = new List<SwapDecision>();
        if (element.TryGetProperty("swaps", out JsonElement swapsElement) && swapsElement.ValueKind != JsonValueKind.Null)
        {
            if (swapsElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(Error(CalendarDataErrorCode.WrongType, path + ".swaps", "\"swaps\" phải là một mảng.", "\"swaps\" must be an array."));
            }
            else
            {
                int i = 0;
                foreach (JsonElement s in swapsElement.EnumerateArray())
                {
                    string sp = $"{path}.swaps[{i}]";
                    if (s.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(Error(CalendarDataErrorCode.WrongType, sp, "Phải là một đối tượng JSON.", "Must be a JSON object."));
                        i++;
                        continue;
                    }

                    OfficialDecision? src = ReadSourceRef(s, sp, sources, errors);
                    LocalDate? off = s.TryGetProperty("dayOff", out JsonElement o) ? ReadDate(o, sp + ".dayOff", errors) : Missing(sp + ".dayOff", errors);
                    LocalDate? worked = s.TryGetProperty("workedDay", out JsonElement w) ? ReadDate(w, sp + ".workedDay", errors) : Missing(sp + ".workedDay", errors);
                    if (off is { } offDate && offDate.Year != year)
                    {
                        errors.Add(Error(CalendarDataErrorCode.DateOutOfYear, sp + ".dayOff", $"Ngày nghỉ hoán đổi phải thuộc năm {year}.", $"The swapped day off must be in {year}."));
                        off = null;
                    }
                    else if (off is { } weekend && weekend.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                    {
                        errors.Add(Error(CalendarDataErrorCode.InvalidSwap, sp + ".dayOff", "Ngày nghỉ hoán đổi phải là ngày làm việc (thứ Hai–thứ Sáu).",
                            "The swapped day off must be a weekday (Monday–Friday)."));
                        off = null;
                    }

                    if (worked is { } workedDate && workedDate.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                    {
                        errors.Add(Error(CalendarDataErrorCode.InvalidSwap, sp + ".workedDay", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
                            "The day worked in exchange must be a Saturday or a Sunday."));
                        worked = null;
                    }

                    if (off is { } a && worked is { } b && Math.Abs(Period.DaysBetween(a, b)) > 60)
                    {
                        errors.Add(Error(CalendarDataErrorCode.InvalidSwap, sp + ".workedDay", "Ngày làm bù cách ngày nghỉ hoán đổi quá 60 ngày.",
                            "The day worked is more than 60 days from the swapped day off."));
                    }
                    else if (off is { } a2 && worked is { } b2 && src is not null)
                    {
                        swaps.Add(new SwapDecision(a2, b2, src));
                    }

                    i++;
                }
            }
        }

        // Extra days off (special decisions).
        var extras = new List<ExtraDayOffDecision>();
        if (element.TryGetProperty("extraDaysOff", out JsonElement extrasElement) && extrasElement.ValueKind != JsonValueKind.Null)
        {
            if (extrasElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(Error(CalendarDataErrorCode.WrongType, path + ".extraDaysOff", "\"extraDaysOff\" phải là một mảng.", "\"extraDaysOff\" must be an array."));
            }
            else
            {
                int i = 0;
                foreach (JsonElement x in extrasElement.EnumerateArray())
                {
                    string xp = $"{path}.extraDaysOff[{i}]";
                    if (x.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(Error(CalendarDataErrorCode.WrongType, xp, "Phải là một đối tượng JSON.", "Must be a JSON object."));
                        i++;
                        continue;
                    }

                    OfficialDecision? src = ReadSourceRef(x, xp, sources, errors);
                    LocalDate? date = x.TryGetProperty("date", out JsonElement de) ? ReadDate(de, xp + ".date", errors) : Missing(xp + ".date", errors);
                    string? nameVi = ReadText(x, "nameVi", xp, errors);
                    string? nameEn = ReadText(x, "nameEn", xp, errors);
                    if (date is { } d && d.Year != year)
                    {
                        errors.Add(Error(CalendarDataErrorCode.DateOutOfYear, xp + ".date", $"Ngày phải thuộc năm {year}.", $"The date must be in {year}."));
                    }
                    else if (date is { } d2 && nameVi is not null && nameEn is not null && src is not null)
                    {
                        extras.Add(new ExtraDayOffDecision(d2, nameVi, nameEn, src));
                    }

                    i++;
                }
            }
        }

        var notes = new List<string>();
        if (element.TryGetProperty("notes", out JsonElement notesElement) && notesElement.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement n in notesElement.EnumerateArray())
            {
                if (n.ValueKind == JsonValueKind.String)
                {
                    notes.Add(n.GetString()!.Normalize(NormalizationForm.FormC));
                }
            }
        }

        if (errors.Count > errorsBefore || tetSource is null)
        {
            return null;
        }

        tetDays.Sort();
        swaps.Sort((x, y) => x.DayOff.CompareTo(y.DayOff));
        extras.Sort((x, y) => x.Date.CompareTo(y.Date));
        return new YearDecision(year, sourceList, tetDays, tetSource, adjacent, adjacentSource, swaps, extras, notes);
    }

    private static OfficialDecision? ReadSource(JsonElement s, string path, List<KtxhError> errors)
    {
        if (s.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error(CalendarDataErrorCode.WrongType, path, "Mỗi văn bản nguồn phải là một đối tượng JSON.", "Each source must be a JSON object."));
            return null;
        }

        int before = errors.Count;
        string? id = ReadText(s, "id", path, errors);
        string? number = ReadOptionalText(s, "number", path, errors);
        LocalDate? date = s.TryGetProperty("date", out JsonElement d) && d.ValueKind != JsonValueKind.Null ? ReadDate(d, path + ".date", errors) : null;
        string? issuerVi = ReadText(s, "issuerVi", path, errors);
        string? issuerEn = ReadText(s, "issuerEn", path, errors);
        string? summaryVi = ReadText(s, "summaryVi", path, errors);
        string? summaryEn = ReadText(s, "summaryEn", path, errors);
        if (errors.Count > before)
        {
            return null;
        }

        return new OfficialDecision(id!, number, date, issuerVi!, issuerEn!, summaryVi!, summaryEn!);
    }

    private static OfficialDecision? ReadSourceRef(
        JsonElement element, string path, Dictionary<string, OfficialDecision> sources, List<KtxhError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error(CalendarDataErrorCode.WrongType, path, "Phải là một đối tượng JSON.", "Must be a JSON object."));
            return null;
        }

        string? id = ReadText(element, "source", path, errors);
        if (id is null)
        {
            return null;
        }

        if (!sources.TryGetValue(id, out OfficialDecision? decision))
        {
            errors.Add(Error(CalendarDataErrorCode.UnknownSource, path + ".source",
                $"Văn bản \"{id}\" không có trong danh sách \"sources\" của năm.",
                $"Source \"{id}\" is not in the year's \"sources\" list."));
            return null;
        }

        return decision;
    }

    private static string? ReadText(JsonElement element, string name, string path, List<KtxhError> errors)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String ||
            string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(Error(CalendarDataErrorCode.Missing, $"{path}.{name}", "Thiếu chuỗi văn bản bắt buộc.", "A required non-empty string is missing."));
            return null;
        }

        return value.GetString()!.Trim().Normalize(NormalizationForm.FormC);
    }

    private static string? ReadOptionalText(JsonElement element, string name, string path, List<KtxhError> errors)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(Error(CalendarDataErrorCode.WrongType, $"{path}.{name}", "Phải là chuỗi khác rỗng hoặc null.", "Must be a non-empty string or null."));
            return null;
        }

        return value.GetString()!.Trim().Normalize(NormalizationForm.FormC);
    }

    private static LocalDate? ReadDate(JsonElement value, string path, List<KtxhError> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            ParseResult<LocalDate> parsed = IsoDate.Parse(value.GetString()!);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        errors.Add(Error(CalendarDataErrorCode.InvalidValue, path,
            $"Ngày không hợp lệ ({value.GetRawText()}): cần dạng yyyy-MM-dd.",
            $"Invalid date ({value.GetRawText()}): expected yyyy-MM-dd."));
        return null;
    }

    private static LocalDate? Missing(string path, List<KtxhError> errors)
    {
        errors.Add(Error(CalendarDataErrorCode.Missing, path, "Thiếu ngày.", "The date is missing."));
        return null;
    }

    private static KtxhError Error(CalendarDataErrorCode code, string path, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtJsonPath(path), vi, en);

    private static string Format(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
