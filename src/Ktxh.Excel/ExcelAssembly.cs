namespace Ktxh.Excel;

/// <summary>Identifies the Ktxh.Excel assembly (for hosts that scan assemblies).</summary>
public static class ExcelAssembly
{
    /// <summary>The package's name.</summary>
    public const string Name = "Ktxh.Excel";
}
