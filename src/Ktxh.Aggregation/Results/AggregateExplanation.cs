using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>Where an aggregate came from.</summary>
/// <param name="Aggregate">The aggregate explained.</param>
/// <param name="Rule">The rule applied, in words.</param>
/// <param name="Inputs">Every input under the aggregate (for a direct roll-up), used or not.</param>
/// <param name="Operands">For a ratio or formula: the aggregated operands at the same unit and period.</param>
public sealed record AggregateExplanation(Aggregate Aggregate, string Rule, IReadOnlyList<ExplainedInput> Inputs, IReadOnlyList<Aggregate> Operands);

/// <summary>One input behind an aggregate.</summary>
/// <param name="InputIndex">Its 0-based position among the inputs of the run.</param>
/// <param name="UnitCode">The reporting unit that reported it.</param>
/// <param name="Period">Its period.</param>
/// <param name="EnteredValue">The value as entered.</param>
/// <param name="EnteredUnit">The unit of measure it was entered in.</param>
/// <param name="Value">The value in the indicator's unit of measure (what was added).</param>
/// <param name="Maturity">Its maturity.</param>
/// <param name="Used">False when a later revision superseded it, the revision policy excluded it, or (for a last-value
/// rule) it is not in the last sub-period.</param>
public sealed record ExplainedInput(int InputIndex, string UnitCode, ReportingPeriod Period, decimal EnteredValue, string? EnteredUnit, decimal Value, Maturity Maturity, bool Used);
