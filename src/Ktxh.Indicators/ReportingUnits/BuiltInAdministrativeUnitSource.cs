namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// The directory embedded in the package: <see cref="ReportingUnitDirectory.Vietnam"/>, Viet Nam's administrative units
/// before and after the two-level reform of 1/7/2025 with the official successions.
/// </summary>
/// <remarks>Loaded once, on first use; thread-safe.</remarks>
public sealed class BuiltInAdministrativeUnitSource : IAdministrativeUnitSource
{
    private BuiltInAdministrativeUnitSource()
    {
    }

    /// <summary>The one instance.</summary>
    public static BuiltInAdministrativeUnitSource Instance { get; } = new();

    /// <summary><c>ktxh-builtin admin-units-vn 2025-07-01</c>: the built-in data and the date of the reform it covers.</summary>
    public string VersionId => "ktxh-builtin admin-units-vn 2025-07-01";

    /// <summary>The built-in directory (the same instance on every call).</summary>
    /// <returns>The directory.</returns>
    public KtxhResult<ReportingUnitDirectory> Load() => KtxhResult.ForValue(ReportingUnitDirectory.Vietnam);
}
