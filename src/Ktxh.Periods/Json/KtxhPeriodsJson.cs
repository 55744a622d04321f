using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Ktxh.Periods;

/// <summary>
/// System.Text.Json settings for the Ktxh.Periods types: NodaTime values in ISO form (<c>LocalDate</c> as
/// <c>"2026-07-31"</c>), <see cref="ReportingPeriod"/> as its identifier, <see cref="CutoffConvention"/> as a name or an
/// object. Other converters of this package are added here as it grows.
/// </summary>
/// <remarks>Thread-safe. <see cref="Options"/> is read-only; call <see cref="ConfigureForKtxhPeriods"/> on your own
/// options to combine them with other settings.</remarks>
public static class KtxhPeriodsJson
{
    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(() =>
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForKtxhPeriods();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    });

    /// <summary>Read-only options (web defaults: camelCase names) configured by <see cref="ConfigureForKtxhPeriods"/>.</summary>
    public static JsonSerializerOptions Options => LazyOptions.Value;

    /// <summary>Adds the NodaTime converters (time zones from TZDB) and the Ktxh.Periods converters to
    /// <paramref name="options"/>. Calling it again adds nothing twice.</summary>
    /// <param name="options">Options that are not yet read-only.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The options are read-only (already used).</exception>
    public static JsonSerializerOptions ConfigureForKtxhPeriods(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.Any(c => c.CanConvert(typeof(LocalDate))))
        {
            options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        }

        AddOnce(options, new ReportingPeriodJsonConverter());
        AddOnce(options, new CutoffConventionJsonConverter());
        AddOnce(options, new DeadlineRuleJsonConverter());
        return options;
    }

    private static void AddOnce(JsonSerializerOptions options, JsonConverter converter)
    {
        if (!options.Converters.Any(c => c.GetType() == converter.GetType()))
        {
            options.Converters.Add(converter);
        }
    }
}
