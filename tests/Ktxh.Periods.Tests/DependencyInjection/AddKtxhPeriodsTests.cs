using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ktxh.Periods.Tests.Calendar;
using NodaTime;

namespace Ktxh.Periods.Tests.DependencyInjection;

public class AddKtxhPeriodsTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void The_defaults_are_the_built_in_source_the_civil_service_calendar_and_calendar_cutoffs()
    {
        using var provider = new ServiceCollection().AddKtxhPeriods().BuildServiceProvider(Strict);

        Assert.Same(BuiltInCalendarDecisionSource.Instance, provider.GetRequiredService<ICalendarDecisionSource>());
        Assert.Same(WorkingCalendar.VietnamCivilService, provider.GetRequiredService<WorkingCalendar>());
        Assert.Same(CutoffConvention.Calendar, provider.GetRequiredService<CutoffConvention>());
    }

    [Fact]
    public void Several_calls_compose_and_register_each_service_once()
    {
        var local = WorkingCalendar.CreateBuilder()
            .AddLocalDayOff(new LocalDate(2026, 3, 10), "Ngày giải phóng tỉnh", "Province liberation day")
            .Build();
        var services = new ServiceCollection()
            .AddKtxhPeriods(o => o.Calendar = local)
            .AddKtxhPeriods(o => o.CutoffConvention = CutoffConvention.Decree09)
            .AddKtxhPeriods();

        using var provider = services.BuildServiceProvider(Strict);

        // The second call's setting is applied on top of the first's, not dropped.
        Assert.Same(local, provider.GetRequiredService<WorkingCalendar>());
        Assert.False(provider.GetRequiredService<WorkingCalendar>().IsWorkingDay(new LocalDate(2026, 3, 10)));
        Assert.Same(CutoffConvention.Decree09, provider.GetRequiredService<CutoffConvention>());
        Assert.Single(services, d => d.ServiceType == typeof(WorkingCalendar));
        Assert.Single(services, d => d.ServiceType == typeof(CutoffConvention));
        Assert.Single(services, d => d.ServiceType == typeof(ICalendarDecisionSource));
    }

    [Fact]
    public void A_later_call_overrides_an_option_set_by_an_earlier_one()
    {
        using var provider = new ServiceCollection()
            .AddKtxhPeriods(o => o.CutoffConvention = CutoffConvention.Decree09)
            .AddKtxhPeriods(o => o.CutoffConvention = CutoffConvention.Calendar)
            .BuildServiceProvider(Strict);

        Assert.Same(CutoffConvention.Calendar, provider.GetRequiredService<CutoffConvention>());
        Assert.Same(CutoffConvention.Calendar, provider.GetRequiredService<IOptions<KtxhPeriodsOptions>>().Value.CutoffConvention);
    }

    [Fact]
    public void A_decision_source_the_host_registers_before_wins_and_feeds_the_calendar()
    {
        var source = new JsonCalendarDecisionSource(WorkingCalendarDecisionsJsonTests.Year2027, "host 2027", "2027.json");
        using var provider = new ServiceCollection()
            .AddSingleton<ICalendarDecisionSource>(source)
            .AddKtxhPeriods()
            .BuildServiceProvider(Strict);

        Assert.Same(source, provider.GetRequiredService<ICalendarDecisionSource>());
        WorkingCalendar calendar = provider.GetRequiredService<WorkingCalendar>();
        Assert.Equal([2027], calendar.OfficialYears); // the source's decisions replace the built-in ones
        Assert.False(calendar.IsForecast(2027));
        Assert.True(calendar.IsForecast(2026));
    }

    [Fact]
    public void A_source_with_invalid_data_fails_when_the_calendar_is_resolved_with_located_errors()
    {
        var source = new JsonCalendarDecisionSource("{ \"years\": 1 }", "broken", "broken.json");
        using var provider = new ServiceCollection()
            .AddSingleton<ICalendarDecisionSource>(source)
            .AddKtxhPeriods()
            .BuildServiceProvider(Strict);

        KtxhException thrown = Assert.Throws<KtxhException>(() => provider.GetRequiredService<WorkingCalendar>());
        KtxhError error = Assert.Single(thrown.Errors);
        Assert.True(error.Is(CalendarDataErrorCode.Missing));
        Assert.Equal("broken.json", error.Location.Source);
    }

    [Fact]
    public void A_calendar_the_host_registers_before_wins()
    {
        WorkingCalendar sixDays = WorkingCalendar.CreateBuilder().WithWeeklyRestDays(IsoDayOfWeek.Sunday).Build();
        using var provider = new ServiceCollection()
            .AddSingleton(sixDays)
            .AddKtxhPeriods(o => o.Calendar = WorkingCalendar.VietnamCivilService)
            .BuildServiceProvider(Strict);

        Assert.Same(sixDays, provider.GetRequiredService<WorkingCalendar>());
    }

    [Fact]
    public void Null_arguments_are_rejected_and_a_null_convention_fails_validation()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddKtxhPeriods(null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddKtxhPeriods());
        using var provider = new ServiceCollection().AddKtxhPeriods(o => o.CutoffConvention = null!).BuildServiceProvider(Strict);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CutoffConvention>());
    }
}
