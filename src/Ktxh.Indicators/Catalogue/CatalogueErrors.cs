namespace Ktxh.Indicators;

/// <summary>Creates the catalogue's <see cref="KtxhError"/>s, coded by <see cref="CatalogueErrorCode"/>.</summary>
internal static class CatalogueErrors
{
    /// <summary>An error located by the JSON path of the catalogue member (the same path for a JSON file and for items added in code).</summary>
    internal static KtxhError At(CatalogueErrorCode code, string jsonPath, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtJsonPath(jsonPath), vi, en);

    /// <summary>An error located by a line (from 1) of a tab-separated file, and the column's name.</summary>
    internal static KtxhError AtLine(CatalogueErrorCode code, string file, int line, string? column, string vi, string en) =>
        KtxhError.Create(code, new ErrorLocation { Source = file, Line = line, Field = column }, vi, en);

    /// <summary>The index of the first array element a JSON path names (<c>$.indicators[12].unit</c> → 12), if any.</summary>
    internal static int? FirstIndex(string? jsonPath, string array)
    {
        string prefix = "$." + array + "[";
        if (jsonPath is null || !jsonPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int close = jsonPath.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(jsonPath.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) ? index : null;
    }
}
