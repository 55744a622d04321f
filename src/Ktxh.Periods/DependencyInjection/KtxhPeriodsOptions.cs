namespace Ktxh.Periods;

/// <summary>
/// What <see cref="KtxhPeriodsServiceCollectionExtensions.AddKtxhPeriods(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhPeriodsOptions})"/>
/// registers. Read through <c>IOptions&lt;KtxhPeriodsOptions&gt;</c>, so every call's <c>configure</c> applies, in order.
/// </summary>
public sealed class KtxhPeriodsOptions
{
    /// <summary>
    /// The working calendar to register, or <see langword="null"/> (the default) for the civil-service calendar built
    /// with the decisions of the registered <see cref="ICalendarDecisionSource"/> (the built-in decisions unless the
    /// host registered its own source): <see cref="WorkingCalendar.VietnamCivilService"/> with the built-in source.
    /// Set it to a calendar built with <see cref="WorkingCalendar.CreateBuilder"/> for a 6-day week or local days off.
    /// </summary>
    public WorkingCalendar? Calendar { get; set; }

    /// <summary>The cut-off convention of the host's regime; <see cref="CutoffConvention.Calendar"/> by default.</summary>
    public CutoffConvention CutoffConvention { get; set; } = CutoffConvention.Calendar;
}
