using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ktxh.Periods.Tests.DependencyInjection;

public class AddKtxhPeriodsTests
{
    [Fact]
    public void The_defaults_are_the_civil_service_calendar_and_calendar_cutoffs()
    {
        using var provider = new ServiceCollection().AddKtxhPeriods().BuildServiceProvider();

        Assert.Same(WorkingCalendar.VietnamCivilService, provider.GetRequiredService<WorkingCalendar>());
        Assert.Same(CutoffConvention.Calendar, provider.GetRequiredService<CutoffConvention>());
    }

    [Fact]
    public void A_host_chooses_its_calendar_and_the_first_registration_wins()
    {
        var local = WorkingCalendar.CreateBuilder()
            .AddLocalDayOff(new LocalDate(2026, 3, 10), "Ngày giải phóng tỉnh", "Province liberation day")
            .Build();
        var services = new ServiceCollection()
            .AddKtxhPeriods(o =>
            {
                o.Calendar = local;
                o.CutoffConvention = CutoffConvention.Decree09;
            })
            .AddKtxhPeriods();

        using var provider = services.BuildServiceProvider();

        Assert.Same(local, provider.GetRequiredService<WorkingCalendar>());
        Assert.False(provider.GetRequiredService<WorkingCalendar>().IsWorkingDay(new LocalDate(2026, 3, 10)));
        Assert.Same(CutoffConvention.Decree09, provider.GetRequiredService<CutoffConvention>());
        Assert.Single(services, d => d.ServiceType == typeof(WorkingCalendar));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddKtxhPeriods(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddKtxhPeriods(o => o.Calendar = null!));
    }
}
