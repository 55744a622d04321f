namespace Ktxh.Periods;

/// <summary>What <see cref="KtxhPeriodsServiceCollectionExtensions.AddKtxhPeriods(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhPeriodsOptions})"/> registers.</summary>
public sealed class KtxhPeriodsOptions
{
    /// <summary>
    /// The working calendar to register; <see cref="WorkingCalendar.VietnamCivilService"/> by default. Build another with
    /// <see cref="WorkingCalendar.CreateBuilder"/> (a newer year's decision, a 6-day week, local days off).
    /// </summary>
    public WorkingCalendar Calendar { get; set; } = WorkingCalendar.VietnamCivilService;

    /// <summary>The cut-off convention of the host's regime; <see cref="CutoffConvention.Calendar"/> by default.</summary>
    public CutoffConvention CutoffConvention { get; set; } = CutoffConvention.Calendar;
}
