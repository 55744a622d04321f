namespace Ktxh.Aggregation;

/// <summary>What <see cref="Utf8CsvRecords.Next"/> found.</summary>
internal enum CsvRecordStatus
{
    /// <summary>A record: its fields are in <see cref="Utf8CsvRecords.Field"/>.</summary>
    Record,

    /// <summary>A record that cannot be split (<see cref="Utf8CsvRecords.BrokenCode"/>); it is skipped.</summary>
    Broken,

    /// <summary>The end of the input.</summary>
    End,
}

/// <summary>
/// Splits RFC 4180 records straight from UTF-8 bytes (no string per field): a quoted field may hold commas, doubled
/// quotes and line breaks; a quote opens a quoted field only at its start; <c>\r\n</c>, <c>\n</c> and <c>\r</c> all end
/// a line, and a line break inside quotes is kept as <c>\n</c> (as <see cref="TextReader.ReadLine"/> splitting did).
/// A byte-order mark at the start is skipped.
/// </summary>
/// <remarks>The fields of the current record are valid until the next call of <see cref="Next"/>. Not thread-safe.</remarks>
internal sealed class Utf8CsvRecords
{
    private const int NeedMore = -1;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private bool _eof;
    private bool _started;
    private int _lines;
    private byte[] _scratch = new byte[256];
    private int[] _ends = new int[16];

    public Utf8CsvRecords(Stream stream) => _stream = stream;

    /// <summary>The 1-based line the current record starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Why the current record is broken.</summary>
    public AggregationCsvErrorCode BrokenCode { get; private set; }

    /// <summary>The 0-based field at which the current record broke.</summary>
    public int BrokenField { get; private set; }

    /// <summary>The bytes of a field of the current record (quotes removed, doubled quotes undoubled).</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        int start = index == 0 ? 0 : _ends[index - 1];
        return _scratch.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Reads the next record.</summary>
    public CsvRecordStatus Next()
    {
        while (true)
        {
            if (_position == _end && !_eof)
            {
                Fill();
                continue;
            }

            if (!_started)
            {
                _started = true;
                if (_buffer.AsSpan(_position, _end - _position).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    _position += 3;
                }
                else if (_end - _position < 3 && !_eof)
                {
                    _started = false;
                    Fill();
                    continue;
                }
            }

            if (_position == _end && _eof)
            {
                return CsvRecordStatus.End;
            }

            int status = Parse(_buffer.AsSpan(_position, _end - _position), _eof, out int consumed, out int breaks);
            if (status == NeedMore)
            {
                Fill();
                continue;
            }

            Line = _lines + 1;
            _lines += breaks;
            _position += consumed;
            return (CsvRecordStatus)status;
        }
    }

    /// <summary>Keeps the unread bytes, makes room (doubling the buffer when one record fills it) and reads more.</summary>
    private void Fill()
    {
        if (_position > 0)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>Splits one record from the start of <paramref name="d"/>; <see cref="NeedMore"/> when it may continue
    /// past the bytes at hand and <paramref name="final"/> is false.</summary>
    private int Parse(ReadOnlySpan<byte> d, bool final, out int consumed, out int breaks)
    {
        int i = 0;
        int n = 0;
        int f = 0;
        consumed = 0;
        breaks = 0;
        while (true)
        {
            if (i < d.Length && d[i] == (byte)'"')
            {
                i++;
                while (true)
                {
                    int k = d[i..].IndexOfAny((byte)'"', (byte)'\r', (byte)'\n');
                    if (k < 0)
                    {
                        if (!final)
                        {
                            return NeedMore;
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
                            return NeedMore;
                        }

                        i++;
                        break;
                    }

                    // A line break inside quotes: kept as \n.
                    if (d[i] == (byte)'\r')
                    {
                        if (i + 1 >= d.Length && !final)
                        {
                            return NeedMore;
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

                EndField(f++, n);
                if (i >= d.Length)
                {
                    if (!final)
                    {
                        return NeedMore;
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
                        return NeedMore;
                    }

                    consumed = d.Length;
                    return (int)CsvRecordStatus.Broken;
                }

                return Terminate(d, i + e, final, f, ref breaks, out consumed) == NeedMore ? NeedMore : (int)CsvRecordStatus.Broken;
            }
            else
            {
                int k = d[i..].IndexOfAny((byte)',', (byte)'\r', (byte)'\n');
                if (k < 0)
                {
                    if (!final)
                    {
                        return NeedMore;
                    }

                    Append(d[i..], ref n);
                    EndField(f++, n);
                    consumed = d.Length;
                    return Finish(f);
                }

                Append(d.Slice(i, k), ref n);
                EndField(f++, n);
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
    private int Terminate(ReadOnlySpan<byte> d, int i, bool final, int fields, ref int breaks, out int consumed)
    {
        consumed = 0;
        if (d[i] == (byte)'\r')
        {
            if (i + 1 >= d.Length && !final)
            {
                return NeedMore;
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

    private void EndField(int field, int n)
    {
        if (field == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[field] = n;
    }
}
