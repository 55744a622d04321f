namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The accepted inputs of one run in struct-of-arrays form, grouped by series (a counting sort that keeps the input
/// order inside each series, so that "the later of two equal revisions" is well defined).
/// </summary>
internal sealed class Observations
{
    public Observations(int seriesCount, int[] series, int[] unit, int[] leaf, decimal[] value, byte[] maturity, int[] source, bool[] converted, int count)
    {
        SeriesStart = new int[seriesCount + 1];
        for (int i = 0; i < count; i++)
        {
            SeriesStart[series[i] + 1]++;
        }

        for (int s = 0; s < seriesCount; s++)
        {
            SeriesStart[s + 1] += SeriesStart[s];
        }

        bool anyConverted = Array.IndexOf(converted, true, 0, count) >= 0;
        bool grouped = true;
        for (int i = 1; i < count && grouped; i++)
        {
            grouped = series[i - 1] <= series[i];
        }

        if (grouped)
        {
            // Inputs that come grouped by series (a file sorted by indicator): the counting sort would copy every array
            // to the same order, so the staging arrays are kept as they are (they may be longer than count).
            Unit = unit;
            Leaf = leaf;
            Value = value;
            Maturity = maturity;
            Source = source;
            Converted = anyConverted ? converted : null;
            return;
        }

        var fill = (int[])SeriesStart.Clone();
        Unit = new int[count];
        Leaf = new int[count];
        Value = new decimal[count];
        Maturity = new byte[count];
        Source = new int[count];
        Converted = anyConverted ? new bool[count] : null;
        for (int i = 0; i < count; i++)
        {
            int at = fill[series[i]]++;
            Unit[at] = unit[i];
            Leaf[at] = leaf[i];
            Value[at] = value[i];
            Maturity[at] = maturity[i];
            Source[at] = source[i];
            if (Converted is not null)
            {
                Converted[at] = converted[i];
            }
        }
    }

    /// <summary>Where each series' observations start; series s spans [SeriesStart[s], SeriesStart[s+1]).</summary>
    public int[] SeriesStart { get; }

    /// <summary>The reporting unit index of each observation.</summary>
    public int[] Unit { get; }

    /// <summary>The leaf period slot of each observation.</summary>
    public int[] Leaf { get; }

    /// <summary>The value, already converted to the indicator's unit of measure.</summary>
    public decimal[] Value { get; }

    /// <summary>The maturity (1 estimate, 2 preliminary, 3 official).</summary>
    public byte[] Maturity { get; }

    /// <summary>Whether each observation was converted from another unit of measure (null when none was).</summary>
    public bool[]? Converted { get; }

    /// <summary>The index of the input this observation came from.</summary>
    public int[] Source { get; }
}
