namespace Ktxh.Indicators;

/// <summary>Who may receive an indicator's values.</summary>
/// <remarks>
/// Seed 003 (regulation on sharing statistical information), Điều 8: state secrets, data tied to a named organisation
/// or person without its consent, data of poor quality and data received under a no-onward-sharing agreement are never
/// shared. Whether an indicator is also held back until published is a separate flag,
/// <see cref="Indicator.EmbargoedUntilPublished"/> (Điều 7.1b).
/// </remarks>
public enum Confidentiality
{
    /// <summary>Shared with anyone once published.</summary>
    Public = 1,

    /// <summary>Shared only between the bodies of the reporting system.</summary>
    Internal = 2,

    /// <summary>Never shared (seed 003, Điều 8).</summary>
    NeverShared = 3,
}
