namespace Ktxh.Workflow.Sharing;

/// <summary>Who would receive a shared datum.</summary>
/// <remarks>
/// Seed 003 (<c>003-statistics-sharing-regulation.txt</c>) governs sharing between the provincial statistics office
/// (Cục Thống kê) and the province's departments, bodies and district or commune people's committees (Điều 2); these
/// are <see cref="ReportingSystem"/>. Anyone else (the public, a company, a researcher) is <see cref="Outside"/>.
/// </remarks>
public enum SharingAudience
{
    /// <summary>A body of the reporting system (the statistics office, a department, a people's committee), seed 003 Điều 2.</summary>
    ReportingSystem = 1,

    /// <summary>Anyone outside the reporting system. The more restricted audience.</summary>
    Outside = 2,
}
