using Ktxh.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ktxh.Excel.Tests;

public class DependencyInjectionTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void Works_alone_with_the_built_in_catalogue()
    {
        using ServiceProvider provider = new ServiceCollection().AddKtxhExcel().BuildServiceProvider(Strict);
        Assert.NotNull(provider.GetRequiredService<FormWorkbookGenerator>());
        Assert.NotNull(provider.GetRequiredService<FormWorkbookImporter>());
        Assert.NotNull(provider.GetRequiredService<ReportWorkbookWriter>());
        Assert.NotNull(provider.GetRequiredService<StreamingReportWriter>());
    }

    [Fact]
    public void Repeated_calls_compose_their_options_and_register_once()
    {
        IServiceCollection services = new ServiceCollection()
            .AddKtxhExcel(o => o.Formulas = FormulaPolicy.UseCachedValue)
            .AddKtxhExcel(o => o.MaxTextLength = 10);
        Assert.Single(services, d => d.ServiceType == typeof(FormWorkbookImporter));
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        KtxhExcelOptions options = provider.GetRequiredService<IOptions<KtxhExcelOptions>>().Value;
        Assert.Equal((FormulaPolicy.UseCachedValue, 10), (options.Formulas, options.MaxTextLength));
    }

    [Fact]
    public void Uses_the_catalogue_the_host_registered()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddSingleton(TestCatalogue.Catalogue)
            .AddKtxhExcel()
            .BuildServiceProvider(Strict);
        byte[] template = provider.GetRequiredService<FormWorkbookGenerator>().Generate(TestCatalogue.Request);
        byte[] filled = WorkbookFiller.Fill(template, WorkbookFiller.Valid);
        Assert.True(provider.GetRequiredService<FormWorkbookImporter>().Import(filled, TestCatalogue.Expected).Success);
    }
}
