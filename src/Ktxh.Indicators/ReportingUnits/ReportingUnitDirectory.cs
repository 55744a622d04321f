using System.Collections.ObjectModel;
using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// Every version of every administrative and reporting unit, over time, with the successions between them:
/// <see cref="AsOf"/> gives the tree in force on a day, <see cref="Successions"/> maps old units onto new ones.
/// </summary>
/// <remarks>
/// <para><see cref="Vietnam"/> is the built-in directory, derived from the official code table in force on 2025-01-04
/// (63 provinces, 696 districts, 10,051 communes; valid until 2025-07-01) and the official conversion table of the
/// reform effective 2025-07-01 (34 provinces, 3,321 communes; Resolution 202/2025/QH15, codes per Decision
/// 19/2025/QĐ-TTg). See <c>docs/admin-units.md</c>.</para>
/// <para>Hosts extend it with <see cref="ToBuilder"/> (e.g. to register agencies under provinces) or build their own
/// with <see cref="CreateBuilder"/>. Immutable and thread-safe: trees are computed lazily, once per era.</para>
/// </remarks>
public sealed class ReportingUnitDirectory
{
    private static readonly Lazy<ReportingUnitDirectory> BuiltIn =
        new(BuiltInAdministrativeUnits.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ReportingUnit[] _units;
    private readonly Dictionary<string, ReportingUnit[]> _versions;
    private readonly LocalDate[] _boundaries;
    private readonly Lazy<AdministrativeHierarchy>[] _eras;

    internal ReportingUnitDirectory(IReadOnlyList<ReportingUnit> units, IReadOnlyList<Succession> successions)
    {
        _units = units.ToArray();
        _versions = new Dictionary<string, ReportingUnit[]>(_units.Length, StringComparer.Ordinal);
        foreach (ReportingUnit u in _units)
        {
            if (_versions.TryGetValue(u.Code, out ReportingUnit[]? known))
            {
                // Rare (a code reused by a later version): keep the versions oldest first.
                ReportingUnit[] more = [.. known, u];
                Array.Sort(more, (a, b) => (a.ValidFrom ?? LocalDate.MinIsoValue).CompareTo(b.ValidFrom ?? LocalDate.MinIsoValue));
                _versions[u.Code] = more;
            }
            else
            {
                _versions.Add(u.Code, [u]);
            }
        }
        _boundaries = EraBoundaries(_units);
        _eras = new Lazy<AdministrativeHierarchy>[_boundaries.Length + 1];
        for (int i = 0; i < _eras.Length; i++)
        {
            int era = i;
            _eras[i] = new Lazy<AdministrativeHierarchy>(() => BuildEra(era), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        Successions = new SuccessionMap(this, successions);
    }

    /// <summary>The date of the two-level reform: from 2025-07-01 there are no districts (Resolution 202/2025/QH15).</summary>
    public static LocalDate TwoLevelReformDate { get; } = new(2025, 7, 1);

    /// <summary>The code of the nation in the built-in data.</summary>
    public const string NationCode = "VN";

    /// <summary>
    /// The built-in directory of Viet Nam's administrative units before and after 2025-07-01, with the official
    /// successions. Loaded on first use from an embedded resource; thread-safe.
    /// </summary>
    public static ReportingUnitDirectory Vietnam => BuiltIn.Value;

    /// <summary>Every version of every unit.</summary>
    public IReadOnlyList<ReportingUnit> Units => field ??= _units.AsReadOnly();

    /// <summary>The successions between old and new units, with forward and backward mapping.</summary>
    public SuccessionMap Successions { get; }

    /// <summary>The days on which the tree changes (a unit begins or ends), ascending.</summary>
    public IReadOnlyList<LocalDate> ChangeDates => field ??= _boundaries.AsReadOnly(); // a writable array would break AsOf's binary search

    /// <summary>The tree of units in force on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The tree (shared by every day of its era).</returns>
    public AdministrativeHierarchy AsOf(LocalDate date)
    {
        // Era i begins on boundary i-1: the era is the number of boundaries on or before the date. (By hand: a generic
        // binary search over a struct is code the JIT compiles at every start.)
        int lo = 0, hi = _boundaries.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_boundaries[mid] <= date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return _eras[lo].Value;
    }

    /// <summary>Every version that ever carried <paramref name="code"/>, oldest first.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The versions; empty when the code is unknown.</returns>
    public IReadOnlyList<ReportingUnit> VersionsOf(string code) =>
        code is not null && _versions.TryGetValue(code.Trim(), out ReportingUnit[]? v) ? v.AsReadOnly() : ReadOnlyCollection<ReportingUnit>.Empty;

    /// <summary>The unit carrying <paramref name="code"/> on <paramref name="date"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The day.</param>
    /// <returns>The version valid that day, or <see langword="null"/>.</returns>
    public ReportingUnit? Find(string code, LocalDate date)
    {
        foreach (ReportingUnit u in VersionsOf(code))
        {
            if (u.IsValidOn(date))
            {
                return u;
            }
        }

        return null;
    }

    /// <summary>The unit version with this identity.</summary>
    /// <param name="id">Code + first day of validity.</param>
    /// <returns>The version, or <see langword="null"/>.</returns>
    public ReportingUnit? Find(ReportingUnitId id) => VersionsOf(id.Code).FirstOrDefault(u => u.ValidFrom == id.ValidFrom);

    /// <summary>A builder holding every unit and succession of this directory, to add agencies or other units.</summary>
    /// <returns>A new builder.</returns>
    public ReportingUnitDirectoryBuilder ToBuilder()
    {
        var b = new ReportingUnitDirectoryBuilder();
        foreach (ReportingUnit u in _units)
        {
            b.Add(u);
        }

        foreach (Succession s in Successions.All)
        {
            b.AddSuccession(s);
        }

        return b;
    }

    /// <summary>
    /// Reads a directory in the compact tab-separated format of the built-in data (<c>admin-units-vn.tsv</c>, written by
    /// <c>tools/AdminUnitsData</c>; the format is described in the file's header and in <c>docs/admin-units.md</c>), so a
    /// host can load newer official data without a new package release. Checks everything; builds nothing on error.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <returns>The directory, or every problem found (with the line).</returns>
    public static KtxhResult<ReportingUnitDirectory> ReadCompact(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return BuiltInAdministrativeUnits.Parse(reader);
    }

    /// <summary>An empty builder.</summary>
    /// <returns>A new builder.</returns>
    public static ReportingUnitDirectoryBuilder CreateBuilder() => new();

    internal static LocalDate[] EraBoundaries(IEnumerable<ReportingUnit> units)
    {
        // A few distinct dates among thousands of units: a sorted insert into a short array (no LINQ or sorted collection
        // over a struct, which is code the JIT compiles at every start; the built-in directory is built at start-up).
        var dates = new LocalDate[4];
        int count = 0;
        foreach (ReportingUnit u in units)
        {
            if (u.ValidFrom is { } from)
            {
                InsertDistinct(ref dates, ref count, from);
            }

            if (u.ValidTo is { } to)
            {
                InsertDistinct(ref dates, ref count, to);
            }
        }

        var result = new LocalDate[count];
        Array.Copy(dates, result, count);
        return result;
    }

    private static void InsertDistinct(ref LocalDate[] dates, ref int count, LocalDate date)
    {
        int at = count;
        while (at > 0 && dates[at - 1] > date)
        {
            at--;
        }

        if (at > 0 && dates[at - 1] == date)
        {
            return;
        }

        if (count == dates.Length)
        {
            var larger = new LocalDate[count * 2];
            Array.Copy(dates, larger, count);
            dates = larger;
        }

        Array.Copy(dates, at, dates, at + 1, count - at);
        dates[at] = date;
        count++;
    }

    /// <summary>A day inside era <paramref name="era"/> (era i covers [boundary i-1, boundary i)).</summary>
    internal static LocalDate RepresentativeDay(LocalDate[] boundaries, int era) =>
        era > 0 ? boundaries[era - 1] : boundaries.Length > 0 ? boundaries[0].PlusDays(-1) : new LocalDate(2000, 1, 1);

    private AdministrativeHierarchy BuildEra(int era)
    {
        LocalDate day = RepresentativeDay(_boundaries, era);
        return new AdministrativeHierarchy(_units.Where(u => u.IsValidOn(day)),
            era > 0 ? _boundaries[era - 1] : null, era < _boundaries.Length ? _boundaries[era] : null);
    }
}
