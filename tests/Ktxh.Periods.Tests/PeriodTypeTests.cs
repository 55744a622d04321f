using Ktxh.Periods;

namespace Ktxh.Periods.Tests;

public class PeriodTypeTests
{
    [Fact]
    public void Every_kind_named_by_the_seeds_is_defined()
    {
        Assert.Equal(9, Enum.GetValues<PeriodType>().Length);
    }
}
