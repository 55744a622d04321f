namespace Ktxh.Workflow;

/// <summary>A reporting unit to assign forms to, the unit it reports to, and optionally which forms apply to it.
/// Immutable.</summary>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="ReceivingUnitCode">The unit it reports to (a commune to the province, a department to the
/// province's statistics office, a province to the nation).</param>
/// <param name="FormCodes">The forms that apply to it; null means every form given.</param>
public sealed record AssignedUnit(string UnitCode, string ReceivingUnitCode, IReadOnlyCollection<string>? FormCodes = null);
