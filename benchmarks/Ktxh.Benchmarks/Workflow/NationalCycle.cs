using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Workflow;
using NodaTime;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// The units and forms of a national reporting cycle: 3,321 communes in 34 provinces report to their province, the
/// provinces report to the nation (NSO); every unit gets the same forms for one month.
/// </summary>
internal sealed class NationalCycle
{
    public const int Communes = 3_321;
    public const int Provinces = 34;
    public static readonly ReportingPeriod Period = ReportingPeriod.Month(2026, 1);
    public static readonly LocalDate Due = new(2026, 2, 12);

    public NationalCycle(int formCount)
    {
        string[] all = IndicatorCatalogue.BuiltIn.Forms.Select(f => f.Code).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        FormCount = all.Length;
        Forms = all.Take(Math.Clamp(formCount, 1, all.Length)).ToArray();
        var units = new List<UnitAccounts>(Communes + Provinces);
        for (int i = 0; i < Communes; i++)
        {
            string province = $"P{(i % Provinces) + 1:00}";
            units.Add(UnitAccounts.Of($"X{i + 1:0000}", province));
        }

        for (int p = 1; p <= Provinces; p++)
        {
            units.Add(UnitAccounts.Of($"P{p:00}", "NSO"));
        }

        Units = units;
        Aggregators = units.Select(u => u.Receiving).Distinct().ToDictionary(u => u, u => new Actor($"tonghop_{u}", u, WorkflowRole.Aggregator));
    }

    /// <summary>How many forms the built-in catalogue has.</summary>
    public int FormCount { get; }

    /// <summary>The forms of this run (a prefix of the built-in forms, ordered by code).</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>Communes first, then provinces (so that a province's acceptance by the nation never locks a commune mid-cycle).</summary>
    public IReadOnlyList<UnitAccounts> Units { get; }

    /// <summary>The aggregator account of each receiving unit.</summary>
    public IReadOnlyDictionary<string, Actor> Aggregators { get; }

    /// <summary>Submissions in the cycle.</summary>
    public int Submissions => Units.Count * Forms.Count;

    /// <summary>The lifecycle transitions of the cycle (enter, submit, approve, send, accept per submission).</summary>
    public int Transitions => Submissions * 5;

    /// <summary>A unit's accounts and the unit it reports to.</summary>
    internal sealed record UnitAccounts(string Code, string Receiving, Actor Entry, Actor Leader, Actor Sender)
    {
        public static UnitAccounts Of(string code, string receiving) => new(code, receiving,
            new Actor($"nhaplieu_{code}", code, WorkflowRole.DataEntry),
            new Actor($"lanhdao_{code}", code, WorkflowRole.Approver),
            new Actor($"vanthu_{code}", code, WorkflowRole.Sender));
    }
}
