using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ktxh.Cli.Files;

/// <summary>
/// The stream <see cref="OutputFile"/> hands to a command: every call goes to the temporary file's
/// <see cref="FileStream"/>, and on Linux, every few MiB written, the kernel is asked to start writing to disk the pages
/// already written (<c>sync_file_range(…, SYNC_FILE_RANGE_WRITE)</c>, which does not wait). The flush to disk at the end
/// (<see cref="FileStream.Flush(bool)"/>, an fsync, on every OS) then waits for the tail of the file rather than for
/// all of it: a 315 MB national output is mostly on disk by the time it is formatted (issue 10).
/// </summary>
/// <remarks>Only a hint: it changes neither the bytes nor their order, nor when the file is durable (the fsync does
/// that). Elsewhere than on 64-bit Linux, after a seek, or if the call fails, no hint is given. Only whole pages that
/// the file stream has passed to the kernel are hinted (its buffer may hold the last bytes written), so no page is
/// written again while it goes to disk.</remarks>
internal sealed class WriteBackStream : Stream
{
    /// <summary>Bytes written between two hints.</summary>
    internal const long DefaultStep = 8 << 20;

    // <linux/fs.h>: start writing the dirty pages of the range that are not being written yet; do not wait.
    private const uint SyncFileRangeWrite = 2;

    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly int _bufferSize;
    private readonly long _step;
    private readonly long _page = Environment.SystemPageSize;
    private bool _hinting = OperatingSystem.IsLinux() && Environment.Is64BitProcess;
    private long _written;
    private long _hinted;

    /// <summary>Wraps <paramref name="file"/>, a file stream opened at the start of a new file.</summary>
    /// <param name="file">The file (disposed with this stream).</param>
    /// <param name="handle">The handle <paramref name="file"/> was opened on (asking the file stream for it would flush
    /// its buffer).</param>
    /// <param name="bufferSize">The file stream's buffer size: the most bytes it may hold back from the kernel.</param>
    /// <param name="step">Bytes written between two hints.</param>
    public WriteBackStream(FileStream file, SafeFileHandle handle, int bufferSize, long step = DefaultStep)
    {
        _file = file;
        _handle = handle;
        _bufferSize = bufferSize;
        _step = step;
    }

    /// <summary>The number of hints given (for tests).</summary>
    internal int Hints { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => _file.CanSeek;

    /// <inheritdoc />
    public override bool CanWrite => _file.CanWrite;

    /// <inheritdoc />
    public override long Length => _file.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => _file.Position;
        set
        {
            _hinting = false;
            _file.Position = value;
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        _file.Write(buffer, offset, count);
        Written(count);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _file.Write(buffer);
        Written(buffer.Length);
    }

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        _file.WriteByte(value);
        Written(1);
    }

    /// <inheritdoc />
    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await _file.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
        Written(count);
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Written(buffer.Length);
    }

    /// <inheritdoc />
    public override void Flush() => _file.Flush();

    /// <summary>Flushes the file stream and, if <paramref name="flushToDisk"/>, the file to disk.</summary>
    public void Flush(bool flushToDisk) => _file.Flush(flushToDisk);

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        _hinting = false;
        return _file.Seek(offset, origin);
    }

    /// <inheritdoc />
    public override void SetLength(long value)
    {
        _hinting = false;
        _file.SetLength(value);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Written(int count)
    {
        _written += count;
        if (_hinting && _written - _hinted >= _step)
        {
            Hint();
        }
    }

    /// <summary>Starts the write-back of the whole pages written since the last hint that the file stream has passed on.</summary>
    private void Hint()
    {
        long upTo = (_written - _bufferSize) / _page * _page;
        if (upTo <= _hinted)
        {
            return;
        }

        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            if (SyncFileRange((int)_handle.DangerousGetHandle(), _hinted, upTo - _hinted, SyncFileRangeWrite) != 0)
            {
                _hinting = false; // not a file system that takes the hint; the final flush does the work
                return;
            }

            _hinted = upTo;
            Hints++;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _hinting = false;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(int fd, long offset, long count, uint flags);
}
