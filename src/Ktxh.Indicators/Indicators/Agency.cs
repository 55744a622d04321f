namespace Ktxh.Indicators;

/// <summary>An agency responsible for indicators (cơ quan chủ trì cung cấp số liệu), such as the provincial statistics office.</summary>
/// <param name="Code">The agency code (such as <c>CTK</c>).</param>
/// <param name="NameVi">The Vietnamese name.</param>
/// <param name="NameEn">The English name, if any.</param>
public sealed record Agency(string Code, string NameVi, string? NameEn = null);
