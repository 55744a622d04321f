using System.Runtime.CompilerServices;

namespace Ktxh.Aggregation;

/// <summary>What <see cref="Utf8CsvRecords.Next"/> found.</summary>
internal enum CsvRecordStatus
{
    /// <summary>A record: its fields are in <see cref="Utf8CsvRecords.Field"/>.</summary>
    Record,

    /// <summary>A record that cannot be split (<see cref="Utf8CsvRecords.BrokenCode"/>); it is skipped.</summary>
    Broken,

    /// <summary>The end of the bytes: every record in them was read.</summary>
    End,

    /// <summary>The bytes left may hold the start of a record that continues past them (the bytes are not the last of
    /// the file): <see cref="Utf8CsvRecords.Position"/> is where it starts.</summary>
    NeedMore,
}

/// <summary>
/// Splits RFC 4180 records straight from UTF-8 bytes (no string per field): a quoted field may hold commas, doubled
/// quotes and line breaks; a quote opens a quoted field only at its start; <c>\r\n</c>, <c>\n</c> and <c>\r</c> all end
/// a line, and a line break inside quotes is kept as <c>\n</c> (as <see cref="TextReader.ReadLine"/> splitting did).
/// </summary>
/// <remarks>Works on one piece of a file that starts at a record (the whole file, or one chunk of it read in parallel);
/// the splitter's state at a record start is only the position, so a piece can be split by itself and its lines counted
/// from 1 (the caller adds the lines before it). An unquoted field is a slice of the bytes; a quoted one is copied
/// (undoubled) to a scratch buffer. The fields of the current record are valid until the next call of
/// <see cref="Next"/>. Not thread-safe.</remarks>
internal sealed class Utf8CsvRecords
{
    private const int NeedMoreCode = -1;
    private byte[] _data = [];
    private int _position;
    private int _end;
    private bool _final;
    private int _lines;
    private byte[] _scratch = new byte[256];
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];

    /// <summary>Splits <paramref name="data"/>[<paramref name="start"/>..<paramref name="end"/>), which starts at a record.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="start">Where the first record starts.</param>
    /// <param name="end">The end of the bytes at hand.</param>
    /// <param name="final">Whether the file ends there (a record may then end without a line break).</param>
    public void Reset(byte[] data, int start, int end, bool final)
    {
        _data = data;
        _position = start;
        _end = end;
        _final = final;
        _lines = 0;
    }

    /// <summary>Where the next record starts (after <see cref="CsvRecordStatus.NeedMore"/>: the unfinished one).</summary>
    public int Position => _position;

    /// <summary>The line breaks consumed so far (the records read span that many lines).</summary>
    public int Breaks => _lines;

    /// <summary>The 1-based line the current record starts on, counted from the start given to <see cref="Reset"/>.</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Why the current record is broken.</summary>
    public AggregationCsvErrorCode BrokenCode { get; private set; }

    /// <summary>The 0-based field at which the current record broke.</summary>
    public int BrokenField { get; private set; }

    /// <summary>The bytes of a field of the current record (quotes removed, doubled quotes undoubled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(int index)
    {
        int s = _starts[index];
        return s >= 0 ? _data.AsSpan(s, _lengths[index]) : _scratch.AsSpan(~s, _lengths[index]);
    }

    /// <summary>Reads the next record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvRecordStatus Next()
    {
        if (_position == _end)
        {
            return CsvRecordStatus.End;
        }

        int status = Parse(_data.AsSpan(_position, _end - _position), _position, _final, out int consumed, out int breaks);
        if (status == NeedMoreCode)
        {
            return CsvRecordStatus.NeedMore;
        }

        Line = _lines + 1;
        _lines += breaks;
        _position += consumed;
        return (CsvRecordStatus)status;
    }

    /// <summary>Splits one record from the start of <paramref name="d"/> (at <paramref name="offset"/> in the data);
    /// <see cref="NeedMoreCode"/> when it may continue past the bytes at hand and <paramref name="final"/> is false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Parse(ReadOnlySpan<byte> d, int offset, bool final, out int consumed, out int breaks)
    {
        int i = 0;
        int n = 0;
        int f = 0;
        consumed = 0;
        breaks = 0;

        // The usual record: no quote before the line break. One search finds its end, then the commas split it.
        int end = d.IndexOfAny((byte)'"', (byte)'\r', (byte)'\n');
        if (end < 0 ? final : d[end] != (byte)'"')
        {
            int length = end < 0 ? d.Length : end;
            ReadOnlySpan<byte> line = d[..length];
            int at = 0;
            while (true)
            {
                int comma = line[at..].IndexOf((byte)',');
                if (comma < 0)
                {
                    EndField(f++, offset + at, length - at);
                    break;
                }

                EndField(f++, offset + at, comma);
                at += comma + 1;
            }

            if (end < 0)
            {
                consumed = d.Length;
                return Finish(f);
            }

            return Terminate(d, end, final, f, ref breaks, out consumed);
        }

        while (true)
        {
            if (i < d.Length && d[i] == (byte)'"')
            {
                i++;
                int fieldStart = n;
                while (true)
                {
                    int k = d[i..].IndexOfAny((byte)'"', (byte)'\r', (byte)'\n');
                    if (k < 0)
                    {
                        if (!final)
                        {
                            return NeedMoreCode;
                        }

                        BrokenCode = AggregationCsvErrorCode.UnclosedQuote;
                        BrokenField = f;
                        consumed = d.Length;
                        return (int)CsvRecordStatus.Broken;
                    }

                    Append(d.Slice(i, k), ref n);
                    i += k;
                    if (d[i] == (byte)'"')
                    {
                        if (i + 1 < d.Length)
                        {
                            if (d[i + 1] == (byte)'"')
                            {
                                Append("\""u8, ref n);
                                i += 2;
                                continue;
                            }
                        }
                        else if (!final)
                        {
                            return NeedMoreCode;
                        }

                        i++;
                        break;
                    }

                    // A line break inside quotes: kept as \n.
                    if (d[i] == (byte)'\r')
                    {
                        if (i + 1 >= d.Length && !final)
                        {
                            return NeedMoreCode;
                        }

                        i += i + 1 < d.Length && d[i + 1] == (byte)'\n' ? 2 : 1;
                    }
                    else
                    {
                        i++;
                    }

                    breaks++;
                    Append("\n"u8, ref n);
                }

                EndField(f++, ~fieldStart, n - fieldStart);
                if (i >= d.Length)
                {
                    if (!final)
                    {
                        return NeedMoreCode;
                    }

                    consumed = i;
                    return Finish(f);
                }

                if (d[i] == (byte)',')
                {
                    i++;
                    continue;
                }

                if (d[i] is (byte)'\r' or (byte)'\n')
                {
                    return Terminate(d, i, final, f, ref breaks, out consumed);
                }

                // Text after a closing quote: the rest of the line is skipped.
                BrokenCode = AggregationCsvErrorCode.TextAfterQuote;
                BrokenField = f - 1;
                int e = d[i..].IndexOfAny((byte)'\r', (byte)'\n');
                if (e < 0)
                {
                    if (!final)
                    {
                        return NeedMoreCode;
                    }

                    consumed = d.Length;
                    return (int)CsvRecordStatus.Broken;
                }

                return Terminate(d, i + e, final, f, ref breaks, out consumed) == NeedMoreCode ? NeedMoreCode : (int)CsvRecordStatus.Broken;
            }
            else
            {
                int k = d[i..].IndexOfAny((byte)',', (byte)'\r', (byte)'\n');
                if (k < 0)
                {
                    if (!final)
                    {
                        return NeedMoreCode;
                    }

                    EndField(f++, offset + i, d.Length - i);
                    consumed = d.Length;
                    return Finish(f);
                }

                EndField(f++, offset + i, k);
                i += k;
                if (d[i] == (byte)',')
                {
                    i++;
                    continue;
                }

                return Terminate(d, i, final, f, ref breaks, out consumed);
            }
        }
    }

    /// <summary>Ends the record at the line break at <paramref name="i"/> (<c>\r\n</c> counts once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Terminate(ReadOnlySpan<byte> d, int i, bool final, int fields, ref int breaks, out int consumed)
    {
        consumed = 0;
        if (d[i] == (byte)'\r')
        {
            if (i + 1 >= d.Length && !final)
            {
                return NeedMoreCode;
            }

            consumed = i + (i + 1 < d.Length && d[i + 1] == (byte)'\n' ? 2 : 1);
        }
        else
        {
            consumed = i + 1;
        }

        breaks++;
        return Finish(fields);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Finish(int fields)
    {
        FieldCount = fields;
        return (int)CsvRecordStatus.Record;
    }

    private void Append(ReadOnlySpan<byte> bytes, ref int n)
    {
        if (n + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, n + bytes.Length));
        }

        bytes.CopyTo(_scratch.AsSpan(n));
        n += bytes.Length;
    }

    /// <summary>Records a field: a start in the data, or the complement of a start in the scratch buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndField(int field, int start, int length)
    {
        if (field == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _starts[field] = start;
        _lengths[field] = length;
    }
}
