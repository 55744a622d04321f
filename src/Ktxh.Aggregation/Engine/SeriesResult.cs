namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The aggregates of one series over the run's unit rows (<see cref="UnitRows"/>) and every period slot it has data
/// in, in dense arrays indexed <c>localSlot * Units + row</c>.
/// </summary>
internal sealed class SeriesResult
{
    /// <summary>Set in <see cref="Flags"/> when the cell holds a value.</summary>
    public const int HasValue = 1 << 15;

    /// <summary>Set in <see cref="Flags"/> when the cell is a row although it may have no value and no unit counted as
    /// reported: a derived cell one of whose operands has input here, a weighted average whose weight is missing
    /// (issue 14). Such a row never carries <see cref="AggregateFlags.NoData"/>.</summary>
    public const int Present = 1 << 14;

    /// <summary>The bits of <see cref="Flags"/> that are not <see cref="AggregateFlags"/>.</summary>
    public const int Internal = HasValue | Present;

    public SeriesResult(int series, UnitRows rows, int[] slots, int globalSlotCount)
    {
        int units = rows.Count;
        Series = series;
        Rows = rows;
        Units = units;
        Slots = slots;
        LocalOfGlobal = new int[globalSlotCount];
        Array.Fill(LocalOfGlobal, -1);
        for (int i = 0; i < slots.Length; i++)
        {
            LocalOfGlobal[slots[i]] = i;
        }

        Value = new CompactDecimals(units * slots.Length);
        Flags = new ushort[units * slots.Length];
        Reported = new int[units * slots.Length];
        Maturity = new byte[units * slots.Length];
        Expected = [];
    }

    public int Series { get; }

    /// <summary>The number of unit rows (<see cref="UnitRows.Count"/>).</summary>
    public int Units { get; }

    /// <summary>The unit rows of the run.</summary>
    public UnitRows Rows { get; }

    /// <summary>The global slot of each local slot, ascending.</summary>
    public int[] Slots { get; }

    /// <summary>The local slot of each global slot, −1 where the series has none.</summary>
    public int[] LocalOfGlobal { get; }

    /// <summary>The value of each cell (meaningful where <see cref="Flags"/> has <see cref="HasValue"/>), held compactly
    /// (<see cref="CompactDecimals"/>: a national grid holds millions of cells).</summary>
    public CompactDecimals Value { get; }

    /// <summary><see cref="AggregateFlags"/> plus <see cref="HasValue"/> and <see cref="Present"/>: 16 bits a cell (the
    /// flags use 13, the two internal bits the top two; a national grid holds millions of cells).</summary>
    public ushort[] Flags { get; }

    public int[] Reported { get; }

    public byte[] Maturity { get; }

    /// <summary>The cells (leaf period × unit) where a unit entered its own figure while units under it entered theirs:
    /// the unit's own value and what its units aggregate to (null when that cannot be computed), or null when none.</summary>
    public List<(int Cell, decimal Own, decimal? Below)>? OwnFigures { get; set; }

    /// <summary>The number of expected reporting units under each unit of the tree (indexed by tree unit, not by row:
    /// a leaf without a row is still expected).</summary>
    public int[] Expected { get; set; }

    /// <summary>Whether the series has any data (or any derived value) under this tree unit in this local slot.</summary>
    public bool Exists(int localSlot, int unit) => Rows.RowOf[unit] is int row && row >= 0 && IsRow((localSlot * Units) + row);

    /// <summary>Whether the cell is a row of its own: a unit counted as reported, a value, or <see cref="Present"/>.</summary>
    public bool IsRow(int cell) => Reported[cell] > 0 || (Flags[cell] & (HasValue | Present)) != 0;

    /// <summary>The value at a row and a global slot, or null.</summary>
    public decimal? ValueAt(int row, int globalSlot)
    {
        int l = LocalOfGlobal[globalSlot];
        if (l < 0)
        {
            return null;
        }

        int i = (l * Units) + row;
        return (Flags[i] & HasValue) != 0 ? Value[i] : null;
    }
}
