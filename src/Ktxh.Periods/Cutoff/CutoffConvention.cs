using System.Collections.Frozen;

namespace Ktxh.Periods;

/// <summary>
/// A regime's convention for data cut-off windows (thời gian chốt số liệu): for each kind of period it defines, the
/// <see cref="CutoffRule"/> that gives the window. <see cref="WindowFor"/> reports a clear error for kinds the
/// convention does not define.
/// </summary>
/// <remarks>
/// <para>Built in: <see cref="Calendar"/> (the statistical regime: the window is the period itself, for every kind)
/// and <see cref="Decree09"/> (the administrative reporting regime of Decree 09/2019/NĐ-CP Art. 12, for month,
/// quarter, half-year and year). A regime defines its own with <see cref="Create"/> or extends one with
/// <see cref="With"/>, e.g. <c>CutoffConvention.Decree09.With(PeriodType.NineMonths, CutoffRule.Decree09Day15, "decree09-9m")</c>
/// for the 9-month window 15/12 to 14/9 that Decree 09 leaves to the issuing body.</para>
/// <para>Conventions are data: they serialise to JSON (see <c>CutoffConventionJsonConverter</c>). Immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class CutoffConvention : IEquatable<CutoffConvention>
{
    private readonly FrozenDictionary<PeriodType, CutoffRule> _rules;

    private CutoffConvention(string name, FrozenDictionary<PeriodType, CutoffRule> rules)
    {
        Name = name;
        _rules = rules;
    }

    /// <summary>The statistical regime's convention: the cut-off window of every period is the period itself
    /// (the statistical reporting regime uses calendar periods, TT 20/2024/TT-BKHĐT).</summary>
    public static CutoffConvention Calendar { get; } = new("calendar",
        Enum.GetValues<PeriodType>().ToFrozenDictionary(t => t, _ => CutoffRule.Calendar));

    /// <summary>
    /// The administrative reporting regime's convention, Decree 09/2019/NĐ-CP (chế độ báo cáo của cơ quan hành chính
    /// nhà nước) Art. 12 (thời gian chốt số liệu): monthly, the 15th of the previous month to the 14th of the reporting
    /// month; quarterly, the 15th of the month before the quarter to the 14th of its last month; first half-year,
    /// 15/12 of the previous year to 14/6; second half-year, 15/6 to 14/12; annual, 15/12 of the previous year to 14/12.
    /// </summary>
    /// <remarks>Art. 12 defines only these four kinds; other windows (such as 9 months) are set by the body issuing the
    /// report, so <see cref="WindowFor"/> fails for them unless a regime adds a rule with <see cref="With"/>.</remarks>
    public static CutoffConvention Decree09 { get; } = new("decree09", new Dictionary<PeriodType, CutoffRule>
    {
        [PeriodType.Month] = CutoffRule.Decree09Day15,
        [PeriodType.Quarter] = CutoffRule.Decree09Day15,
        [PeriodType.HalfYear] = CutoffRule.Decree09Day15,
        [PeriodType.Year] = CutoffRule.Decree09Day15,
    }.ToFrozenDictionary());

    /// <summary>The convention's name, such as <c>decree09</c>.</summary>
    public string Name { get; }

    /// <summary>The rule of each kind the convention defines.</summary>
    public IReadOnlyDictionary<PeriodType, CutoffRule> Rules => _rules;

    /// <summary>Creates a convention.</summary>
    /// <param name="name">Its name (trimmed, NFC-normalised, not empty).</param>
    /// <param name="rules">The rule of each kind it defines.</param>
    /// <returns>The convention.</returns>
    /// <exception cref="ArgumentException">The name is empty, a kind is undefined, or a rule does not apply to its
    /// kind (a day-N rule for weeks or half-months): configuration errors fail here, not at the first window.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CutoffConvention Create(string name, IEnumerable<KeyValuePair<PeriodType, CutoffRule>> rules)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rules);
        string normalized = name.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (normalized.Length == 0)
        {
            throw new ArgumentException("Tên quy ước chốt số liệu bị trống / The cut-off convention's name is empty.", nameof(name));
        }

        var map = new Dictionary<PeriodType, CutoffRule>();
        foreach (var (type, rule) in rules)
        {
            if (!Enum.IsDefined(type))
            {
                throw new ArgumentException($"Loại kỳ không xác định: {(int)type} / Unknown period type: {(int)type}.", nameof(rules));
            }

            if (rule.Kind == 0 || !rule.AppliesTo(type))
            {
                throw new ArgumentException($"Quy tắc {rule} không áp dụng cho loại kỳ {type} / The rule {rule} does not apply to {type} periods.", nameof(rules));
            }

            map[type] = rule;
        }

        return new CutoffConvention(normalized, map.ToFrozenDictionary());
    }

    /// <summary>A copy of this convention with <paramref name="rule"/> for <paramref name="type"/> (added or replaced).</summary>
    /// <param name="type">The kind.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="name">The new convention's name; this one's when omitted.</param>
    /// <returns>The new convention.</returns>
    /// <exception cref="ArgumentException">The rule does not apply to the kind.</exception>
    public CutoffConvention With(PeriodType type, CutoffRule rule, string? name = null)
    {
        var map = new Dictionary<PeriodType, CutoffRule>(_rules) { [type] = rule };
        return Create(name ?? Name, map);
    }

    /// <summary>Whether the convention defines windows for <paramref name="type"/>.</summary>
    /// <param name="type">The kind.</param>
    /// <returns>Whether it does.</returns>
    public bool Defines(PeriodType type) => _rules.ContainsKey(type);

    /// <summary>The cut-off window of <paramref name="period"/> under this convention.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The window, or a bilingual error (<see cref="PeriodErrorCode.NotApplicable"/>) when the convention
    /// does not define the period's kind.</returns>
    public KtxhResult<CutoffWindow> WindowFor(ReportingPeriod period)
    {
        if (!_rules.TryGetValue(period.Type, out var rule))
        {
            string id = period.IsDefault ? "(default)" : period.Id;
            return new PeriodFailure(PeriodErrorCode.NotApplicable, -1,
                $"Quy ước chốt số liệu '{Name}' không quy định thời gian chốt cho kỳ {id} ({period.Type})",
                $"The cut-off convention '{Name}' defines no cut-off window for {id} ({period.Type} periods)").ToResult<CutoffWindow>();
        }

        return rule.Apply(period);
    }

    /// <summary>Whether the two conventions have the same name and rules.</summary>
    /// <param name="other">The other convention.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CutoffConvention? other) =>
        other is not null && Name == other.Name && _rules.Count == other._rules.Count
        && _rules.All(kv => other._rules.TryGetValue(kv.Key, out var r) && r == kv.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CutoffConvention);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, _rules.Count);

    /// <summary>The convention's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
