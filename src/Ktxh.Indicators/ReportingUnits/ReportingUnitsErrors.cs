namespace Ktxh.Indicators.ReportingUnits;

/// <summary>Creates the reporting-unit <see cref="KtxhError"/>s, coded by <see cref="ReportingUnitsErrorCode"/>.</summary>
internal static class ReportingUnitsErrors
{
    /// <summary>An error about a subject (a unit version such as <c>79@2025-07-01</c>, a succession <c>A → B</c>, a day).</summary>
    internal static KtxhError About(ReportingUnitsErrorCode code, string subject, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtField(subject), vi, en);

    /// <summary>An error at a line (from 1) of the compact format.</summary>
    internal static KtxhError AtLine(ReportingUnitsErrorCode code, int line, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtLine(line), vi, en);

    /// <summary>Splits a "vi / en" message of a validation helper into an error.</summary>
    internal static KtxhError Split(ReportingUnitsErrorCode code, ErrorLocation location, string bilingual)
    {
        int slash = bilingual.IndexOf(" / ", StringComparison.Ordinal);
        return slash < 0
            ? KtxhError.Create(code, location, bilingual, bilingual)
            : KtxhError.Create(code, location, bilingual[..slash], bilingual[(slash + 3)..]);
    }
}
