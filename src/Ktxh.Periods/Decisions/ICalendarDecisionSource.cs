namespace Ktxh.Periods;

/// <summary>
/// Where a working calendar's official decisions come from (modelled on NodaTime's <c>IDateTimeZoneSource</c>):
/// the built-in data (<see cref="BuiltInCalendarDecisionSource"/>), a JSON file or stream
/// (<see cref="JsonCalendarDecisionSource"/>), or a host's own store. Build a calendar from one with
/// <see cref="WorkingCalendarBuilder.WithDecisionSource"/>; register one in a service collection before
/// <see cref="KtxhPeriodsServiceCollectionExtensions.AddKtxhPeriods(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhPeriodsOptions})"/>
/// and the registered calendar uses it.
/// </summary>
/// <remarks>Implementations must be thread-safe; <see cref="Load"/> may be called more than once.</remarks>
public interface ICalendarDecisionSource
{
    /// <summary>
    /// Identifies the version of the data (for logs and for a host that checks which decisions it runs on), such as
    /// <c>ktxh-builtin 2020–2026</c> or a file name and date.
    /// </summary>
    string VersionId { get; }

    /// <summary>Loads the decisions.</summary>
    /// <returns>The decisions, or every error found, each located and in Vietnamese and English.</returns>
    KtxhResult<CalendarDecisions> Load();
}
