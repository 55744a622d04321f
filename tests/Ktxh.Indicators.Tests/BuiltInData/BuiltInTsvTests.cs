using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests.BuiltInData;

/// <summary>
/// Integrity of the built-in catalogue data (builtin-indicators.tsv, builtin-agencies.tsv) taken from the appendix of
/// the Hà Nam IOC plan (seed 004, Phụ lục II "Danh mục các chỉ tiêu cập nhật về Trung tâm Giám sát, điều hành thông
/// minh tỉnh Hà Nam"). How the rows were counted and every deliberate choice: docs/builtin-catalogue.md.
/// </summary>
public sealed class BuiltInTsvTests
{
    private const string IndicatorsResource = "Ktxh.Indicators.Data.builtin-indicators.tsv";
    private const string AgenciesResource = "Ktxh.Indicators.Data.builtin-agencies.tsv";

    private static readonly string[] IndicatorColumns =
    {
        "code", "parent_code", "relation", "order", "agency_code", "group_code", "name_vi", "name_en", "unit_text",
        "periods", "value_kind", "across_units", "across_time", "numerator", "denominator", "factor", "formula",
        "weight_indicator", "precision", "price_basis", "confidentiality", "embargoed", "note",
    };

    private static readonly string[] AgencyColumns =
    {
        "agency_code", "name_vi", "name_en", "group_code", "group_name_vi", "order",
    };

    private static readonly HashSet<string> Relations = new(StringComparer.Ordinal) { "", "component", "of_which" };
    private static readonly HashSet<string> ValueKinds = new(StringComparer.Ordinal)
    {
        "Amount", "Stock", "Count", "Percentage", "Rate", "Average", "Index", "Level", "Text",
    };
    private static readonly HashSet<string> Aggregations = new(StringComparer.Ordinal)
    {
        "Sum", "Last", "Average", "DayWeightedAverage", "WeightedAverage", "Min", "Max", "Count", "Ratio", "Formula", "None",
    };
    private static readonly HashSet<string> PeriodNames = new(StringComparer.Ordinal)
    {
        "Week", "HalfMonth", "Month", "Quarter", "HalfYear", "NineMonths", "Year", "YearToDate", "MultiYear",
    };
    private static readonly HashSet<string> PriceBases = new(StringComparer.Ordinal) { "", "Current", "Comparable2010", "Comparable2020" };
    private static readonly HashSet<string> Confidentialities = new(StringComparer.Ordinal) { "Public", "Internal", "NeverShared" };
    private static readonly HashSet<string> NonAdditiveKinds = new(StringComparer.Ordinal) { "Percentage", "Rate", "Average", "Index" };
    private static readonly HashSet<string> AdditiveKinds = new(StringComparer.Ordinal) { "Amount", "Stock", "Count" };

    private static readonly Regex CodePattern = new(@"^HNM\.(?<group>(?<agency>[A-Z]+)\.(?<g>\d{2}))\.(?<n>\d{3})$", RegexOptions.CultureInvariant);
    private static readonly Regex GroupCodePattern = new(@"^(?<agency>[A-Z]+)\.\d{2}$", RegexOptions.CultureInvariant);

    private static readonly Lazy<Table> IndicatorTable = new(() => Table.Parse(ReadResource(IndicatorsResource)));
    private static readonly Lazy<Table> AgencyTable = new(() => Table.Parse(ReadResource(AgenciesResource)));

    // ---- counts ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// The appendix has 452 rows in its "Chỉ tiêu" column; 3 of them are bare "Trong đó:" marker rows (no indicator,
    /// they only say that the rows below are "of which" rows), which leaves 449 catalogue rows. Counted per group below.
    /// </summary>
    [Fact]
    public void Row_count_equals_the_appendix_rows_counted()
    {
        Assert.Equal(449, IndicatorTable.Value.Rows.Count);
        Assert.Equal(449, GroupCounts.Sum(g => (int)g[1]));
    }

    public static IEnumerable<object[]> GroupCounts => new[]
    {
        new object[] { "CTK.01", 2 }, new object[] { "CTK.02", 4 }, new object[] { "CTK.03", 8 },
        new object[] { "CTK.04", 3 }, new object[] { "CTK.05", 9 }, new object[] { "CTK.06", 14 },
        new object[] { "CTK.07", 5 }, new object[] { "CTK.08", 12 }, new object[] { "CTK.09", 5 },
        new object[] { "CTK.10", 14 }, new object[] { "CTK.11", 8 },
        new object[] { "SNN.01", 1 }, new object[] { "SNN.02", 49 },
        new object[] { "SLD.01", 9 }, new object[] { "SYT.01", 16 },
        new object[] { "SGD.01", 4 }, new object[] { "SGD.02", 119 }, new object[] { "SGD.03", 83 },
        new object[] { "SXD.01", 2 }, new object[] { "STN.01", 8 },
        new object[] { "SKH.01", 7 }, new object[] { "SKH.02", 3 }, new object[] { "SKH.03", 7 },
        new object[] { "SGT.01", 1 }, new object[] { "SVH.01", 7 }, new object[] { "SVH.02", 7 },
        new object[] { "STC.01", 10 }, new object[] { "BHXH.01", 6 }, new object[] { "CTT.01", 1 },
        new object[] { "BAT.01", 13 }, new object[] { "CAT.01", 6 }, new object[] { "KBNN.01", 2 },
        new object[] { "HQ.01", 4 },
    };

    [Theory]
    [MemberData(nameof(GroupCounts))]
    public void Each_group_has_the_rows_counted_in_the_appendix(string groupCode, int expected)
    {
        Assert.Equal(expected, IndicatorTable.Value.Rows.Count(r => r["group_code"] == groupCode));
    }

    [Theory]
    [InlineData("CTK", 84)]
    [InlineData("SNN", 50)]
    [InlineData("SLD", 9)]
    [InlineData("SYT", 16)]
    [InlineData("SGD", 206)]
    [InlineData("SXD", 2)]
    [InlineData("STN", 8)]
    [InlineData("SKH", 17)]
    [InlineData("SGT", 1)]
    [InlineData("SVH", 14)]
    [InlineData("STC", 10)]
    [InlineData("BHXH", 6)]
    [InlineData("CTT", 1)]
    [InlineData("BAT", 13)]
    [InlineData("CAT", 6)]
    [InlineData("KBNN", 2)]
    [InlineData("HQ", 4)]
    public void Each_agency_has_the_rows_counted_in_the_appendix(string agencyCode, int expected)
    {
        Assert.Equal(expected, IndicatorTable.Value.Rows.Count(r => r["agency_code"] == agencyCode));
    }

    [Fact]
    public void Every_group_counted_is_a_group_of_the_agencies_file_and_the_other_way_round()
    {
        var counted = GroupCounts.Select(g => (string)g[0]).ToHashSet(StringComparer.Ordinal);
        var listed = AgencyTable.Value.Rows.Select(r => r["group_code"]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(33, listed.Count);
        Assert.True(counted.SetEquals(listed));
    }

    // ---- file shape -----------------------------------------------------------------------------------------------

    [Fact]
    public void Indicators_file_has_the_exact_header_and_column_count_on_every_row()
    {
        Table table = IndicatorTable.Value;
        Assert.Equal(IndicatorColumns, table.Header);
        foreach (Row row in table.Rows)
        {
            Assert.True(row.Cells.Length == IndicatorColumns.Length,
                $"line {row.Line}: {row.Cells.Length} columns, expected {IndicatorColumns.Length}");
        }
    }

    [Fact]
    public void Agencies_file_has_the_exact_header_and_column_count_on_every_row()
    {
        Table table = AgencyTable.Value;
        Assert.Equal(AgencyColumns, table.Header);
        foreach (Row row in table.Rows)
        {
            Assert.True(row.Cells.Length == AgencyColumns.Length,
                $"line {row.Line}: {row.Cells.Length} columns, expected {AgencyColumns.Length}");
        }
    }

    [Theory]
    [InlineData(IndicatorsResource)]
    [InlineData(AgenciesResource)]
    public void Files_are_utf8_without_bom_nfc_without_carriage_returns_or_blank_lines(string resource)
    {
        byte[] bytes = ReadResourceBytes(resource);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM");
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.True(text.IsNormalized(NormalizationForm.FormC), "text is Unicode NFC");
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        string[] lines = text[..^1].Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.False(string.IsNullOrWhiteSpace(lines[i]), $"line {i + 1} is blank");
            foreach (string cell in lines[i].Split('\t'))
            {
                Assert.True(cell == cell.Trim(), $"line {i + 1}: cell '{cell}' has surrounding spaces");
            }
        }
    }

    [Theory]
    [InlineData("builtin-indicators.tsv", IndicatorsResource)]
    [InlineData("builtin-agencies.tsv", AgenciesResource)]
    public void Embedded_resource_is_the_file_of_the_source_tree(string fileName, string resource)
    {
        string? root = FindRepositoryRoot();
        if (root is null)
        {
            return; // run outside the source tree (e.g. from a copied test output): the resource tests still apply
        }

        byte[] onDisk = File.ReadAllBytes(Path.Combine(root, "src", "Ktxh.Indicators", "Data", fileName));
        Assert.Equal(onDisk, ReadResourceBytes(resource));
    }

    // ---- codes and references ---------------------------------------------------------------------------------------

    [Fact]
    public void Codes_are_unique_ascii_and_follow_the_scheme_of_group_and_order()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            string code = row["code"];
            Assert.True(seen.Add(code), $"line {row.Line}: duplicate code {code}");
            Match m = CodePattern.Match(code);
            Assert.True(m.Success, $"line {row.Line}: code {code} does not follow HNM.<AGENCY>.<GG>.<NNN>");
            Assert.Equal(row["group_code"], m.Groups["group"].Value);
            Assert.Equal(row["agency_code"], m.Groups["agency"].Value);
            Assert.Equal(int.Parse(row["order"], CultureInfo.InvariantCulture), int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Order_runs_1_to_n_within_each_group_in_file_order()
    {
        foreach (IGrouping<string, Row> group in IndicatorTable.Value.Rows.GroupBy(r => r["group_code"]))
        {
            int expected = 1;
            foreach (Row row in group)
            {
                Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), row["order"]);
                expected++;
            }
        }
    }

    [Fact]
    public void Groups_appear_in_the_order_of_the_agencies_file_and_are_contiguous()
    {
        var groupOrder = AgencyTable.Value.Rows.Select(r => r["group_code"]).ToList();
        var seenGroups = new List<string>();
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            if (seenGroups.Count == 0 || seenGroups[^1] != row["group_code"])
            {
                Assert.DoesNotContain(row["group_code"], seenGroups);
                seenGroups.Add(row["group_code"]);
            }
        }

        Assert.Equal(groupOrder, seenGroups);
    }

    [Fact]
    public void Agencies_file_has_unique_groups_ordered_1_to_n_and_consistent_agency_names()
    {
        Table table = AgencyTable.Value;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var agencyNames = new Dictionary<string, (string Vi, string En)>(StringComparer.Ordinal);
        int order = 1;
        foreach (Row row in table.Rows)
        {
            Assert.True(groups.Add(row["group_code"]), $"line {row.Line}: duplicate group {row["group_code"]}");
            Match m = GroupCodePattern.Match(row["group_code"]);
            Assert.True(m.Success, $"line {row.Line}: group code {row["group_code"]}");
            Assert.Equal(row["agency_code"], m.Groups["agency"].Value);
            Assert.Equal(order.ToString(CultureInfo.InvariantCulture), row["order"]);
            order++;
            Assert.False(string.IsNullOrWhiteSpace(row["name_vi"]));
            Assert.False(string.IsNullOrWhiteSpace(row["name_en"]));
            Assert.False(string.IsNullOrWhiteSpace(row["group_name_vi"]));
            if (agencyNames.TryGetValue(row["agency_code"], out var names))
            {
                Assert.Equal(names, (row["name_vi"], row["name_en"]));
            }
            else
            {
                agencyNames.Add(row["agency_code"], (row["name_vi"], row["name_en"]));
            }
        }

        Assert.Equal(17, agencyNames.Count);
    }

    [Fact]
    public void Every_agency_and_group_referenced_exists_and_the_group_belongs_to_the_agency()
    {
        var groups = AgencyTable.Value.Rows.ToDictionary(r => r["group_code"], r => r["agency_code"], StringComparer.Ordinal);
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            Assert.True(groups.TryGetValue(row["group_code"], out string? agency), $"line {row.Line}: unknown group {row["group_code"]}");
            Assert.Equal(agency, row["agency_code"]);
        }
    }

    [Fact]
    public void Parents_exist_come_earlier_in_the_same_group_and_relations_are_consistent()
    {
        var byCode = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            string relation = row["relation"];
            string parent = row["parent_code"];
            Assert.True(Relations.Contains(relation), $"line {row.Line}: relation '{relation}'");
            Assert.True(relation.Length == 0 || parent.Length > 0,
                $"line {row.Line}: a component or of_which row has a parent");
            if (parent.Length > 0)
            {
                Assert.True(byCode.TryGetValue(parent, out Row? p), $"line {row.Line}: parent {parent} missing or later in the file");
                Assert.Equal(row["group_code"], p!["group_code"]);
                Assert.Equal(row["agency_code"], p["agency_code"]);
            }

            byCode.Add(row["code"], row);
        }
    }

    [Fact]
    public void Of_which_rows_have_a_parent()
    {
        var ofWhich = IndicatorTable.Value.Rows.Where(r => r["relation"] == "of_which").ToList();
        Assert.NotEmpty(ofWhich);
        Assert.All(ofWhich, r => Assert.NotEqual(string.Empty, r["parent_code"]));
    }

    /// <summary>
    /// A row with a parent and no relation is a detail row (listed under its parent for presentation, no arithmetic):
    /// allowed only under a heading row (value kind Text) or for a sub-index under an index.
    /// </summary>
    [Fact]
    public void Detail_rows_sit_under_a_heading_or_are_sub_indices()
    {
        Dictionary<string, Row> byCode = IndicatorTable.Value.Rows.ToDictionary(r => r["code"], StringComparer.Ordinal);
        var details = IndicatorTable.Value.Rows.Where(r => r["parent_code"].Length > 0 && r["relation"].Length == 0).ToList();
        Assert.Equal(194, details.Count);
        foreach (Row row in details)
        {
            Row parent = byCode[row["parent_code"]];
            bool underHeading = parent["value_kind"] == "Text";
            bool subIndex = row["value_kind"] == "Index" && parent["value_kind"] == "Index";
            Assert.True(underHeading || subIndex, $"{row["code"]}: a detail row must sit under a heading or be a sub-index");
        }
    }

    [Fact]
    public void Additive_of_which_rows_are_parts_of_an_additive_parent_in_the_same_unit()
    {
        Dictionary<string, Row> byCode = IndicatorTable.Value.Rows.ToDictionary(r => r["code"], StringComparer.Ordinal);
        foreach (Row row in IndicatorTable.Value.Rows.Where(r => r["relation"] == "of_which" && AdditiveKinds.Contains(r["value_kind"])))
        {
            Row parent = byCode[row["parent_code"]];
            Assert.True(AdditiveKinds.Contains(parent["value_kind"]), $"{row["code"]}: parent {parent["code"]} is not additive");
            Assert.Equal(parent["unit_text"], row["unit_text"]);
        }
    }

    [Fact]
    public void Relation_totals_are_as_documented()
    {
        IReadOnlyList<Row> rows = IndicatorTable.Value.Rows;
        Assert.Equal(116, rows.Count(r => r["parent_code"].Length == 0));
        Assert.Equal(194, rows.Count(r => r["parent_code"].Length > 0 && r["relation"].Length == 0));
        Assert.Equal(90, rows.Count(r => r["relation"] == "component"));
        Assert.Equal(49, rows.Count(r => r["relation"] == "of_which"));
        Assert.Equal(46, rows.Count(r => r["value_kind"] == "Text"));
    }

    [Fact]
    public void Components_are_additive_and_add_up_to_an_additive_parent_of_the_same_kind()
    {
        Dictionary<string, Row> byCode = IndicatorTable.Value.Rows.ToDictionary(r => r["code"], StringComparer.Ordinal);
        foreach (Row row in IndicatorTable.Value.Rows.Where(r => r["relation"] == "component"))
        {
            Row parent = byCode[row["parent_code"]];
            Assert.True(AdditiveKinds.Contains(row["value_kind"]), $"{row["code"]}: a component must be additive");
            Assert.Equal(parent["value_kind"], row["value_kind"]);
            Assert.Equal(parent["across_units"], row["across_units"]);
            Assert.Equal(parent["across_time"], row["across_time"]);
            Assert.Equal(parent["periods"], row["periods"]);
        }
    }

    // ---- allowed values -----------------------------------------------------------------------------------------------

    [Fact]
    public void Periods_are_distinct_period_type_names()
    {
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            string[] periods = row["periods"].Split(',');
            Assert.NotEmpty(periods);
            Assert.Equal(periods.Length, periods.Distinct(StringComparer.Ordinal).Count());
            foreach (string p in periods)
            {
                Assert.True(PeriodNames.Contains(p), $"line {row.Line}: period '{p}'");
                Assert.True(Enum.TryParse(p, ignoreCase: false, out PeriodType _), $"line {row.Line}: '{p}' is not a PeriodType");
            }
        }
    }

    [Fact]
    public void Value_kinds_aggregations_price_bases_confidentiality_and_embargo_are_from_the_allowed_sets()
    {
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            Assert.True(ValueKinds.Contains(row["value_kind"]), $"line {row.Line}: value_kind '{row["value_kind"]}'");
            Assert.True(Aggregations.Contains(row["across_units"]), $"line {row.Line}: across_units '{row["across_units"]}'");
            Assert.True(Aggregations.Contains(row["across_time"]), $"line {row.Line}: across_time '{row["across_time"]}'");
            Assert.True(PriceBases.Contains(row["price_basis"]), $"line {row.Line}: price_basis '{row["price_basis"]}'");
            Assert.True(Confidentialities.Contains(row["confidentiality"]), $"line {row.Line}: confidentiality");
            Assert.True(row["embargoed"] is "true" or "false", $"line {row.Line}: embargoed '{row["embargoed"]}'");
            Assert.True(int.TryParse(row["precision"], NumberStyles.None, CultureInfo.InvariantCulture, out int precision) && precision <= 6,
                $"line {row.Line}: precision '{row["precision"]}'");
        }
    }

    [Fact]
    public void Percentages_rates_averages_and_indices_are_never_summed()
    {
        foreach (Row row in IndicatorTable.Value.Rows.Where(r => NonAdditiveKinds.Contains(r["value_kind"])))
        {
            Assert.NotEqual("Sum", row["across_units"]);
            Assert.NotEqual("Sum", row["across_time"]);
        }
    }

    [Fact]
    public void Text_rows_carry_no_unit_and_do_not_aggregate_and_every_other_row_has_a_unit()
    {
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            if (row["value_kind"] == "Text")
            {
                Assert.Equal(string.Empty, row["unit_text"]);
                Assert.Equal("None", row["across_units"]);
                Assert.Equal("None", row["across_time"]);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(row["unit_text"]), $"line {row.Line}: {row["code"]} has no unit");
            }
        }
    }

    [Fact]
    public void Ratio_rows_name_an_existing_additive_numerator_and_denominator_and_a_positive_factor()
    {
        Dictionary<string, Row> byCode = IndicatorTable.Value.Rows.ToDictionary(r => r["code"], StringComparer.Ordinal);
        int ratios = 0;
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            bool usesRatio = row["across_units"] == "Ratio" || row["across_time"] == "Ratio";
            Assert.True(usesRatio == (row["numerator"].Length > 0), $"line {row.Line}: numerator only with Ratio");
            Assert.True(usesRatio == (row["denominator"].Length > 0), $"line {row.Line}: denominator only with Ratio");
            Assert.True(usesRatio == (row["factor"].Length > 0), $"line {row.Line}: factor only with Ratio");
            if (!usesRatio)
            {
                continue;
            }

            ratios++;
            foreach (string part in new[] { row["numerator"], row["denominator"] })
            {
                Assert.True(byCode.TryGetValue(part, out Row? referenced), $"line {row.Line}: {part} does not exist");
                Assert.True(AdditiveKinds.Contains(referenced!["value_kind"]), $"line {row.Line}: {part} is not additive");
                Assert.NotEqual(row["code"], part);
            }

            Assert.True(decimal.TryParse(row["factor"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal factor) && factor > 0,
                $"line {row.Line}: factor '{row["factor"]}'");
        }

        Assert.True(ratios > 0);
    }

    [Fact]
    public void Weighted_averages_name_an_existing_additive_weight()
    {
        Dictionary<string, Row> byCode = IndicatorTable.Value.Rows.ToDictionary(r => r["code"], StringComparer.Ordinal);
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            bool weighted = row["across_units"] == "WeightedAverage" || row["across_time"] == "WeightedAverage";
            Assert.True(weighted == (row["weight_indicator"].Length > 0), $"line {row.Line}: weight only with WeightedAverage");
            if (weighted)
            {
                Assert.True(byCode.TryGetValue(row["weight_indicator"], out Row? weight), $"line {row.Line}: weight missing");
                Assert.True(AdditiveKinds.Contains(weight!["value_kind"]), $"line {row.Line}: weight is not additive");
            }
        }
    }

    [Fact]
    public void Formulas_appear_only_with_Formula_aggregation_and_reference_existing_codes()
    {
        var codes = IndicatorTable.Value.Rows.Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        var token = new Regex(@"HNM(\.[A-Z0-9]+)+", RegexOptions.CultureInvariant);
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            bool usesFormula = row["across_units"] == "Formula" || row["across_time"] == "Formula";
            Assert.True(usesFormula == (row["formula"].Length > 0), $"line {row.Line}: formula only with Formula");
            foreach (Match m in token.Matches(row["formula"]))
            {
                Assert.Contains(m.Value, codes);
            }
        }
    }

    [Fact]
    public void Names_are_filled_and_vietnamese_names_keep_no_bullets_or_of_which_prefixes()
    {
        foreach (Row row in IndicatorTable.Value.Rows)
        {
            Assert.False(string.IsNullOrWhiteSpace(row["name_vi"]), $"line {row.Line}: name_vi");
            Assert.False(string.IsNullOrWhiteSpace(row["name_en"]), $"line {row.Line}: name_en");
            Assert.DoesNotMatch(@"^[+\-]", row["name_vi"]);
            Assert.DoesNotMatch(@"^Trong đó", row["name_vi"]);
            Assert.DoesNotMatch(@"[:.]$", row["name_vi"]);
        }
    }

    // ---- documented rules ---------------------------------------------------------------------------------------------

    /// <summary>Rule (docs/builtin-catalogue.md): rows supplied by the statistics office are embargoed until it publishes them (seed 003).</summary>
    [Fact]
    public void Embargo_applies_to_the_statistics_office_rows_only()
    {
        Assert.All(IndicatorTable.Value.Rows, r => Assert.Equal(r["agency_code"] == "CTK" ? "true" : "false", r["embargoed"]));
    }

    /// <summary>
    /// Rule (docs/builtin-catalogue.md): the police's operational counts from the population and identification
    /// databases are internal; everything else (aggregated published statistics) is public.
    /// </summary>
    [Fact]
    public void Confidentiality_is_public_except_the_police_population_database_counts()
    {
        var internalCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "HNM.CAT.01.001", "HNM.CAT.01.002", "HNM.CAT.01.003", "HNM.CAT.01.004",
        };
        Assert.All(IndicatorTable.Value.Rows, r => Assert.Equal(internalCodes.Contains(r["code"]) ? "Internal" : "Public", r["confidentiality"]));
    }

    [Fact]
    public void Price_basis_is_current_exactly_for_the_investment_group_at_current_prices()
    {
        Assert.All(IndicatorTable.Value.Rows, r => Assert.Equal(r["group_code"] == "CTK.05" ? "Current" : string.Empty, r["price_basis"]));
    }

    [Theory]
    [InlineData("HNM.CTK.01.001", "Dân số trung bình", "Nghìn người", "Year", "Stock")]
    [InlineData("HNM.CTK.03.003", "Thịt trâu", "Tấn", "Quarter", "Amount")]
    [InlineData("HNM.CTK.10.001", "CHỈ SỐ GIÁ TIÊU DÙNG", "%", "Month", "Index")]
    [InlineData("HNM.SNN.02.005", "Năng suất", "Tạ/ha", "HalfYear", "Average")]
    [InlineData("HNM.SYT.01.012", "Số giường bệnh/vạn dân", "Giường", "Year", "Rate")]
    [InlineData("HNM.SGD.02.013", "Trẻ từ 5 tuổi đến 6 tuổi", "người", "Year", "Stock")]
    [InlineData("HNM.KBNN.01.001", "Giá trị giải ngân vốn đầu tư công", "Tỷ đồng", "HalfMonth", "Amount")]
    [InlineData("HNM.HQ.01.002", "Tốc độ tăng xuất khẩu", "%", "Week", "Rate")]
    public void Sample_rows_match_the_appendix(string code, string nameVi, string unit, string periods, string kind)
    {
        Row row = IndicatorTable.Value.Rows.Single(r => r["code"] == code);
        Assert.Equal(nameVi.Normalize(NormalizationForm.FormC), row["name_vi"]);
        Assert.Equal(unit.Normalize(NormalizationForm.FormC), row["unit_text"]);
        Assert.Equal(periods, row["periods"]);
        Assert.Equal(kind, row["value_kind"]);
    }

    [Theory]
    [InlineData("HNM.SYT.01.012", "HNM.SYT.01.013", "HNM.CTK.01.001", "10")]
    [InlineData("HNM.SNN.02.005", "HNM.SNN.02.006", "HNM.SNN.02.004", "10")]
    [InlineData("HNM.BHXH.01.002", "HNM.BHXH.01.001", "HNM.CTK.01.001", "0.1")]
    [InlineData("HNM.SGD.01.001", "HNM.SGD.02.006", "HNM.SGD.02.002", "100")]
    public void Ratio_definitions_match_the_documented_units(string code, string numerator, string denominator, string factor)
    {
        Row row = IndicatorTable.Value.Rows.Single(r => r["code"] == code);
        Assert.Equal(numerator, row["numerator"]);
        Assert.Equal(denominator, row["denominator"]);
        Assert.Equal(factor, row["factor"]);
    }

    [Theory]
    [InlineData("HNM.CTK.02.002", "HNM.CTK.02.001", "of_which")]   // GRDP sectors: "+" but no product taxes
    [InlineData("HNM.CTK.04.002", "HNM.CTK.04.001", "component")]  // aquaculture + capture = total
    [InlineData("HNM.SNN.02.033", "HNM.SNN.02.030", "of_which")]   // "Trong đó: Gà" under poultry
    [InlineData("HNM.SGD.02.042", "HNM.SGD.02.035", "of_which")]   // rows after a bare "Trong đó:" marker
    [InlineData("HNM.SGD.02.036", "HNM.SGD.02.035", "component")]  // school types add up to schools
    [InlineData("HNM.SVH.01.003", "HNM.SVH.01.002", "of_which")]   // "Trong đó: + Khách quốc tế"
    [InlineData("HNM.CTK.10.002", "HNM.CTK.10.001", "")]           // CPI group under the CPI: detail
    [InlineData("HNM.SNN.02.004", "HNM.SNN.02.003", "")]           // "+ Diện tích" under the heading "Cây lúa": detail
    [InlineData("HNM.SGD.02.002", "HNM.SGD.02.001", "")]           // "Trường" under "GIÁO DỤC MẦM NON": detail
    [InlineData("HNM.STC.01.002", "HNM.STC.01.001", "of_which")]   // unmarked revenue item, part of the total
    public void Relations_follow_the_documented_choices(string code, string parent, string relation)
    {
        Row row = IndicatorTable.Value.Rows.Single(r => r["code"] == code);
        Assert.Equal(parent, row["parent_code"]);
        Assert.Equal(relation, row["relation"]);
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    private static Assembly IndicatorsAssembly() => Assembly.Load("Ktxh.Indicators");

    private static byte[] ReadResourceBytes(string name)
    {
        using Stream? stream = IndicatorsAssembly().GetManifestResourceStream(name);
        Assert.True(stream is not null, $"embedded resource {name} is missing");
        using var buffer = new MemoryStream();
        stream!.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ReadResource(string name) => new UTF8Encoding(false, true).GetString(ReadResourceBytes(name));

    private static string? FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ktxh.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private sealed record Row(int Line, string[] Cells, IReadOnlyDictionary<string, int> Index)
    {
        public string this[string column] => Cells[Index[column]];
    }

    private sealed record Table(string[] Header, IReadOnlyList<Row> Rows)
    {
        public static Table Parse(string text)
        {
            string[] lines = text.TrimEnd('\n').Split('\n');
            string[] header = lines[0].Split('\t');
            var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
            var rows = new List<Row>(lines.Length - 1);
            for (int i = 1; i < lines.Length; i++)
            {
                rows.Add(new Row(i + 1, lines[i].Split('\t'), index));
            }

            return new Table(header, rows);
        }
    }
}
