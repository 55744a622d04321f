using System.Runtime.CompilerServices;

namespace Ktxh.Aggregation;

/// <summary>
/// A column of ids of <see cref="AggregationInputs"/> (indicator, unit, period), by segment of 2^16, in the narrowest
/// of byte, ushort and int that holds the ids written so far: a national file has 62 indicators, 3,321 units and 12
/// periods, so 4 bytes a line instead of 12 (19 MiB of 2.47 M lines).
/// </summary>
/// <remarks>Filled by the reader's builder (the segments written so far are widened, once, when an id needs a wider
/// type); immutable once the inputs are made.</remarks>
internal sealed class IdColumn
{
    private readonly List<byte[]> _bytes = [];
    private List<ushort[]>? _shorts;
    private List<int[]>? _ints;
    private IdSegment[] _segments = [];

    /// <summary>The number of segments.</summary>
    public int Length => _ints?.Count ?? _shorts?.Count ?? _bytes.Count;

    /// <summary>The ids of segment <paramref name="segment"/> (once <see cref="Freeze"/>d; one array load, so that a
    /// caller may write <c>column[s][o]</c> a line).</summary>
    public IdSegment this[int segment] => _segments[segment];

    /// <summary>Ends the writing: the segments as they are now are what <see cref="this[int]"/> gives.</summary>
    public IdColumn Freeze()
    {
        var segments = new IdSegment[Length];
        for (int s = 0; s < segments.Length; s++)
        {
            segments[s] = _ints is not null ? new(null, null, _ints[s]) : _shorts is not null ? new(null, _shorts[s], null) : new(_bytes[s], null, null);
        }

        _segments = segments;
        return this;
    }

    /// <summary>Adds a segment of zeros.</summary>
    public void AddSegment()
    {
        if (_ints is not null)
        {
            _ints.Add(new int[AggregationInputs.SegmentSize]);
        }
        else if (_shorts is not null)
        {
            _shorts.Add(new ushort[AggregationInputs.SegmentSize]);
        }
        else
        {
            _bytes.Add(new byte[AggregationInputs.SegmentSize]);
        }
    }

    /// <summary>Writes <c>map[local[k]]</c> at <c>start + k</c> for the first <paramref name="n"/> k; every id of the map
    /// is below <paramref name="distinct"/> (a negative one, never in a file read without errors, widens to int).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteMapped(int[] local, int n, int start, int[] map, int distinct)
    {
        if (_ints is null)
        {
            if (distinct > ushort.MaxValue + 1 || HasNegative(map))
            {
                Widen(toInt: true);
            }
            else if (_shorts is null && distinct > byte.MaxValue + 1)
            {
                Widen(toInt: false);
            }
        }

        if (_ints is not null)
        {
            Write(local, n, start, map, _ints);
        }
        else if (_shorts is not null)
        {
            Write(local, n, start, map, _shorts);
        }
        else
        {
            Write(local, n, start, map, _bytes);
        }
    }

    private static bool HasNegative(int[] map)
    {
        foreach (int id in map)
        {
            if (id < 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write<T>(int[] local, int n, int start, int[] map, List<T[]> segments)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        for (int k = 0; k < n; k++)
        {
            int i = start + k;
            segments[i >> AggregationInputs.SegmentShift][i & AggregationInputs.SegmentMask] = T.CreateTruncating(map[local[k]]);
        }
    }

    /// <summary>Copies the segments so far to ushort, or to int when <paramref name="toInt"/>.</summary>
    private void Widen(bool toInt)
    {
        if (toInt)
        {
            _ints = _shorts is not null ? [.. _shorts.Select(s => Array.ConvertAll(s, v => (int)v))] : [.. _bytes.Select(s => Array.ConvertAll(s, v => (int)v))];
            _shorts = null;
        }
        else if (_shorts is null)
        {
            _shorts = [.. _bytes.Select(s => Array.ConvertAll(s, v => (ushort)v))];
        }

        _bytes.Clear();
    }
}

/// <summary>The ids of one segment of an <see cref="IdColumn"/>, whichever type holds them.</summary>
internal readonly struct IdSegment
{
    private readonly byte[]? _bytes;
    private readonly ushort[]? _shorts;
    private readonly int[]? _ints;

    public IdSegment(byte[]? bytes, ushort[]? shorts, int[]? ints)
    {
        _bytes = bytes;
        _shorts = shorts;
        _ints = ints;
    }

    /// <summary>The id at offset <paramref name="offset"/> of the segment.</summary>
    public int this[int offset] => _bytes is not null ? _bytes[offset] : _shorts is not null ? _shorts[offset] : _ints![offset];
}
