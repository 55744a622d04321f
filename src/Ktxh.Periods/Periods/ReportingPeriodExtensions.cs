namespace Ktxh.Periods;

/// <summary>
/// Static extension members of <see cref="ReportingPeriod"/> that cannot be declared on the type itself.
/// </summary>
/// <remarks>
/// C# does not allow a type to declare both the instance property <see cref="ReportingPeriod.Year"/> and a static
/// method <c>Year(int)</c>; a C# 14 static extension member gives callers the factory spelled
/// <c>ReportingPeriod.Year(2026)</c> while <c>period.Year</c> stays the property. Languages without static extension
/// members call <see cref="ReportingPeriod.CalendarYear"/>.
/// </remarks>
public static class ReportingPeriodExtensions
{
    extension(ReportingPeriod)
    {
        /// <summary>A calendar year (the same as <see cref="ReportingPeriod.CalendarYear"/>).</summary>
        /// <param name="year">The year.</param>
        /// <returns>The year period.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
        public static ReportingPeriod Year(int year) => ReportingPeriod.CalendarYear(year);
    }
}
