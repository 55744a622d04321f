namespace Ktxh.Indicators.ReportingUnits;

/// <summary>How <see cref="SuccessionMap.MapForward"/> resolved a code.</summary>
public enum ForwardMappingStatus
{
    /// <summary>The unit itself is still in force on the target date: it maps to itself, share 1.</summary>
    StillInForce = 0,

    /// <summary>The unit was succeeded; <see cref="ForwardMapping.Targets"/> says where it went.</summary>
    Mapped = 1,

    /// <summary>The unit existed but ended with no recorded successor (e.g. an old district, or an old commune the conversion table omits).</summary>
    NoSuccessor = 2,

    /// <summary>No unit ever carried the code.</summary>
    UnknownCode = 3,
}

/// <summary>Where (part of) an old unit ended up on the target date.</summary>
/// <param name="Code">The code of the unit in force on the target date.</param>
/// <param name="NameVi">Its name.</param>
/// <param name="Share">The fraction of the old unit that went there (product along the path), or <see langword="null"/> when unknown (a part transfer without weights).</param>
/// <param name="Path">The successions followed, oldest first (empty when the unit is still in force).</param>
public sealed record MappedTarget(string Code, string NameVi, decimal? Share, IReadOnlyList<Succession> Path)
{
    /// <summary>Whether the share is known.</summary>
    public bool IsShareKnown => Share.HasValue;
}

/// <summary>The result of mapping an old unit forward to the units in force on a date.</summary>
/// <param name="Code">The code asked for (as given).</param>
/// <param name="ResolvedCode">The code actually mapped (differs when the code asked for is a misprint the source used; see <see cref="Succession.FromCodeAsPrinted"/>).</param>
/// <param name="Status">How the code was resolved.</param>
/// <param name="Targets">The units in force on the target date that received the old unit or part of it.</param>
public sealed record ForwardMapping(string Code, string ResolvedCode, ForwardMappingStatus Status, IReadOnlyList<MappedTarget> Targets)
{
    /// <summary>Whether some target's share is unknown: an additive series cannot be remapped without weights and must be flagged.</summary>
    public bool HasUnknownShares => Targets.Any(t => !t.IsShareKnown);

    /// <summary>Whether every share is known and they add up to 1 (the whole old unit is accounted for).</summary>
    public bool IsComplete => Targets.Count > 0 && !HasUnknownShares && Targets.Sum(t => t.Share!.Value) == 1m;

    /// <summary>A bilingual explanation of the flags (empty when complete).</summary>
    public string Flag => Status switch
    {
        ForwardMappingStatus.UnknownCode => $"Mã '{Code}' không tồn tại / Unknown code '{Code}'.",
        ForwardMappingStatus.NoSuccessor => $"Đơn vị '{ResolvedCode}' đã chấm dứt, không có đơn vị kế thừa được ghi nhận / Unit '{ResolvedCode}' ended with no recorded successor.",
        _ when HasUnknownShares => "Chưa biết tỷ lệ (nhập một phần): chuỗi số cộng dồn phải được đánh dấu, không ước đoán, trừ khi có trọng số / Share unknown (part transfer): an additive series must be flagged, not guessed, unless weights are supplied.",
        _ when !IsComplete => "Tổng tỷ lệ khác 1 / Shares do not add up to 1.",
        _ => string.Empty,
    };
}

/// <summary>A value of an old unit that <see cref="SuccessionMap.RemapAdditive"/> could not allocate.</summary>
/// <param name="OldCode">The old unit's code.</param>
/// <param name="Value">The part of its value left unallocated.</param>
/// <param name="CandidateTargets">The units that received parts with unknown shares (where the value went, in unknown proportions).</param>
/// <param name="ReasonVi">Why, in Vietnamese.</param>
/// <param name="ReasonEn">Why, in English.</param>
public sealed record UnallocatedValue(string OldCode, decimal Value, IReadOnlyList<string> CandidateTargets, string ReasonVi, string ReasonEn);

/// <summary>The result of remapping an additive series (amounts, counts, stocks summed over units) onto the units of a date.</summary>
/// <param name="Totals">The allocated total per unit in force on the target date (exact decimals).</param>
/// <param name="Unallocated">Values that could not be allocated, flagged with the reason; never guessed.</param>
public sealed record AdditiveRemapResult(IReadOnlyDictionary<string, decimal> Totals, IReadOnlyList<UnallocatedValue> Unallocated)
{
    /// <summary>Whether every input value was allocated (no flags).</summary>
    public bool IsComplete => Unallocated.Count == 0;
}
