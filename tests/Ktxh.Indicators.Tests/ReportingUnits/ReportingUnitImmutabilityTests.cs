using Ktxh.Indicators;
using NodaTime;

namespace Ktxh.Indicators.Tests;

/// <summary>
/// The built-in directory is shared by every caller: no list it hands out may be a bare array or list that a caller can
/// cast back and write to (overwriting <see cref="ReportingUnitDirectory.ChangeDates"/> would break <c>AsOf</c>).
/// </summary>
public sealed class ReportingUnitImmutabilityTests
{
    private static readonly ReportingUnitDirectory Directory = ReportingUnitDirectory.Vietnam;

    /// <summary>Every list the directory, its trees and its succession map hand out.</summary>
    public static TheoryData<string> Lists() => new()
    {
        "Directory.Units", "Directory.ChangeDates", "Directory.VersionsOf", "Hierarchy.Units", "Hierarchy.Provinces",
        "Hierarchy.ChildrenOf", "Successions.All", "Successions.ProvinceSuccessions", "Successions.From", "Successions.MapBackward",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_list_cast_back_cannot_be_written(string name)
    {
        var list = (System.Collections.IList)Get(name);
        Assert.NotEmpty(list);
        Assert.True(list.IsReadOnly, name + " can be written through IList");
        object? first = list[0];
        Assert.ThrowsAny<NotSupportedException>(() => list[0] = first);
    }

    private static object Get(string name)
    {
        AdministrativeHierarchy after = Directory.AsOf(new LocalDate(2025, 7, 1));
        string province = after.Provinces[0].Code;
        Succession merge = Directory.Successions.ProvinceSuccessions[0];
        return name switch
        {
            "Directory.Units" => Directory.Units,
            "Directory.ChangeDates" => Directory.ChangeDates,
            "Directory.VersionsOf" => Directory.VersionsOf(province),
            "Hierarchy.Units" => after.Units,
            "Hierarchy.Provinces" => after.Provinces,
            "Hierarchy.ChildrenOf" => after.ChildrenOf(province),
            "Successions.All" => Directory.Successions.All,
            "Successions.ProvinceSuccessions" => Directory.Successions.ProvinceSuccessions,
            "Successions.From" => Directory.Successions.From(merge.FromCode),
            "Successions.MapBackward" => Directory.Successions.MapBackward(merge.ToCode),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
