namespace Ktxh.Indicators;

/// <summary>Tells the catalogue validator whether a unit code exists and what it measures.</summary>
internal interface IMeasureUnitLookup
{
    /// <summary>Looks a unit code up.</summary>
    /// <param name="code">The unit code.</param>
    /// <param name="dimension">A key of what the unit measures (units with the same key convert into each other).</param>
    /// <returns><see langword="true"/> when the code is a known unit.</returns>
    bool TryGetDimension(string code, out string dimension);
}
