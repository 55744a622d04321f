using System.Buffers;

namespace Ktxh.Aggregation;

/// <summary>
/// Reads an input file (<see cref="AggregationCsv.ReadInputs(Stream, string?)"/>) in chunks on every core: the file is
/// cut after a line break into chunks of about <see cref="DefaultChunkSize"/> bytes; once the header is read, each chunk
/// is read by its own <see cref="InputChunkReader"/> in parallel, on the guess that it starts at a record; the chunks are
/// then taken in file order. The guess holds when the chunk before ended exactly at its end (the usual case; a splitter
/// at a record start depends on nothing but the position); when it did not (a quoted field holding a line break
/// crosses the cut), the chunk is read again from where the one before stopped. The inputs, their lines and the errors
/// are therefore exactly those of one pass from the start.
/// </summary>
internal static class InputCsvReader
{
    /// <summary>The default chunk size: large enough that the per-chunk work (tables, merging) is negligible, small
    /// enough that a few chunks in flight cost little memory.</summary>
    internal const int DefaultChunkSize = 1 << 21;

    /// <summary>Reads the whole stream.</summary>
    /// <param name="stream">The UTF-8 bytes.</param>
    /// <param name="source">The file name for the errors.</param>
    /// <param name="chunkSize">The chunk size in bytes (tests make it tiny, so that cuts fall everywhere).</param>
    /// <param name="maxDegreeOfParallelism">How many chunks are read at once; 1 reads on the calling thread only.</param>
    public static KtxhResult<AggregationInputs> Read(Stream stream, string? source, int chunkSize = DefaultChunkSize, int maxDegreeOfParallelism = -1)
    {
        int parallel = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var buffers = new ReadBuffers();
        var chunks = new ChunkSource(stream, Math.Max(1, chunkSize), buffers.Bytes);
        var builder = new AggregationInputs.Builder();
        var errors = new List<KtxhError>();
        var inFlight = new Queue<(Chunk Chunk, Task<InputChunkReader>? Read)>();
        CsvLayout? layout = null;
        byte[] carry = [];
        int carryLength = 0;
        int linesBefore = 0;
        bool more = true;
        try
        {
            while (true)
            {
                // Read ahead: one chunk until the header is known, then a few, each read by a worker.
                while (more && inFlight.Count < (layout is null ? 1 : parallel + 1))
                {
                    if (!chunks.TryNext(out Chunk next))
                    {
                        more = false;
                        break;
                    }

                    Task<InputChunkReader>? task = null;
                    if (layout is not null && parallel > 1)
                    {
                        CsvLayout l = layout;
                        task = Task.Run(() =>
                        {
                            var r = new InputChunkReader(l, buffers);
                            r.Read(next.Bytes, next.Start, next.End, next.Final);
                            return r;
                        });
                    }

                    inFlight.Enqueue((next, task));
                }

                if (inFlight.Count == 0)
                {
                    break;
                }

                (Chunk chunk, Task<InputChunkReader>? read) = inFlight.Dequeue();
                InputChunkReader reader;
                byte[] data = chunk.Bytes;
                int end = chunk.End;
                if (read is not null && carryLength == 0)
                {
                    // The chunk before ended at this one's start: the guess holds.
                    reader = read.Result;
                }
                else
                {
                    read?.Result.Release();
                    int start = chunk.Start;
                    if (carryLength > 0)
                    {
                        // A record crosses the cut: read on from where the chunk before stopped.
                        data = new byte[carryLength + chunk.End - chunk.Start];
                        carry.AsSpan(0, carryLength).CopyTo(data);
                        chunk.Bytes.AsSpan(chunk.Start, chunk.End - chunk.Start).CopyTo(data.AsSpan(carryLength));
                        start = 0;
                        end = data.Length;
                    }

                    reader = new InputChunkReader(layout, buffers);
                    reader.Read(data, start, end, chunk.Final);
                }

                foreach (PendingError e in reader.Errors)
                {
                    errors.Add(e.ToError(source, linesBefore));
                }

                layout ??= reader.Layout;
                if (errors.Count == 0)
                {
                    builder.Add(reader, linesBefore);
                }

                linesBefore += reader.Breaks;
                carryLength = end - reader.Consumed;
                if (carryLength > 0)
                {
                    byte[] kept = carryLength <= carry.Length ? carry : new byte[Math.Max(carryLength, carry.Length * 2)];
                    data.AsSpan(reader.Consumed, carryLength).CopyTo(kept);
                    carry = kept;
                }

                reader.Release();
                chunks.Return(chunk);
                if (reader.HeaderFailed)
                {
                    break; // a wrong header: nothing more is read
                }
            }
        }
        finally
        {
            // Workers still running (only after a wrong header, or an exception) finish before their buffers go back.
            while (inFlight.Count > 0)
            {
                (Chunk c, Task<InputChunkReader>? t) = inFlight.Dequeue();
                if (t is not null)
                {
                    ((IAsyncResult)t).AsyncWaitHandle.WaitOne();
                }

                chunks.Return(c);
            }

            chunks.Dispose();
        }

        if (layout is null && errors.Count == 0)
        {
            errors.Add(KtxhError.Create(AggregationCsvErrorCode.EmptyFile, new ErrorLocation { Source = source, Line = 1 }, "Tệp rỗng: thiếu dòng tiêu đề indicator,unit,period,value", "The file is empty: the header indicator,unit,period,value is missing"));
        }

        return KtxhResult.FromErrorsOr(errors, () => new AggregationInputs(builder, source));
    }

    /// <summary>A piece of the file: <c>Bytes[Start..End)</c>, ending after a line break unless it is the last.</summary>
    private readonly record struct Chunk(byte[] Bytes, int Start, int End, bool Final);

    /// <summary>Cuts the stream into chunks after a line break (the first chunk after the first line break, so that
    /// the header is read before the rest is shared out), in pooled buffers. A byte-order mark at the start is
    /// skipped.</summary>
    private sealed class ChunkSource(Stream stream, int chunkSize, ArrayPool<byte> pool) : IDisposable
    {
        private byte[] _rest = [];
        private int _restLength;
        private bool _eof;
        private bool _first = true;

        public bool TryNext(out Chunk chunk)
        {
            chunk = default;
            if (_eof && _restLength == 0)
            {
                return false;
            }

            byte[] buffer = pool.Rent(Math.Max(chunkSize, _restLength + Math.Min(chunkSize, 1 << 16)));
            _rest.AsSpan(0, _restLength).CopyTo(buffer);
            int length = _restLength;
            int searched = 0;
            while (true)
            {
                while (!_eof && length < buffer.Length)
                {
                    int read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        _eof = true;
                    }

                    length += read;
                }

                if (_eof)
                {
                    chunk = new Chunk(buffer, 0, length, true);
                    _restLength = 0;
                    break;
                }

                // Cut after a line break: the last one (the first in the first chunk); a line longer than the buffer grows it.
                ReadOnlySpan<byte> fresh = buffer.AsSpan(searched, length - searched);
                int at = _first ? fresh.IndexOf((byte)'\n') : fresh.LastIndexOf((byte)'\n');
                if (at >= 0)
                {
                    int cut = searched + at + 1;
                    _restLength = length - cut;
                    if (_rest.Length < _restLength)
                    {
                        _rest = new byte[Math.Max(_restLength, chunkSize)];
                    }

                    buffer.AsSpan(cut, _restLength).CopyTo(_rest);
                    chunk = new Chunk(buffer, 0, cut, false);
                    break;
                }

                searched = length;
                byte[] larger = pool.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                pool.Return(buffer);
                buffer = larger;
            }

            if (_first)
            {
                _first = false;
                if (chunk.Bytes.AsSpan(0, chunk.End).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    chunk = chunk with { Start = 3 };
                }
            }

            return true;
        }

        public void Return(Chunk chunk) => pool.Return(chunk.Bytes);

        public void Dispose() => _rest = [];
    }
}
