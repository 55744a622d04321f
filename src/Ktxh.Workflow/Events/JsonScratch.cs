using System.Buffers;
using System.Text.Json;

namespace Ktxh.Workflow;

/// <summary>
/// A per-thread JSON writer and buffer reused across events: writing an event's canonical bytes and sealing it are
/// on every command's path, and a fresh writer and buffer each time cost more than the writing itself.
/// </summary>
internal static class JsonScratch
{
    // Buffers that grew past this (an event with a very large content) are dropped, not kept by the thread.
    private const int KeepAtMost = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static bool t_busy;

    /// <summary>Writes with <paramref name="write"/> and returns a copy of the bytes written.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write) =>
        Write(state, write, static (bytes, _) => bytes.ToArray());

    /// <summary>Writes with <paramref name="write"/> and hands the bytes written to <paramref name="finish"/> (valid
    /// only during the call).</summary>
    public static TResult Write<TState, TResult>(TState state, Action<Utf8JsonWriter, TState> write, Func<ReadOnlySpan<byte>, TState, TResult> finish)
    {
        if (t_busy)
        {
            // Re-entered on the same thread: write with a fresh pair rather than clobber the one in use.
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var w = new Utf8JsonWriter(buffer))
            {
                write(w, state);
            }

            return finish(buffer.WrittenSpan, state);
        }

        t_busy = true;
        try
        {
            ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
            buffer.ResetWrittenCount();
            Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer);
            writer.Reset(buffer);
            write(writer, state);
            writer.Flush();
            TResult result = finish(buffer.WrittenSpan, state);
            if (buffer.Capacity > KeepAtMost)
            {
                t_buffer = null;
                t_writer = null;
            }

            return result;
        }
        finally
        {
            t_busy = false;
        }
    }
}
