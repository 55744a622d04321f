using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Ktxh.Cli.Files;

/// <summary>
/// The one way a <c>ktxh</c> command writes a file, so that nothing is ever lost (issue 8 §1):
/// <list type="bullet">
/// <item><see cref="Check"/>, before anything is read or written: the target is not a folder, its folder exists, it is
/// not one of the command's input files (full paths, symbolic links resolved, hard links by device and inode), and an
/// existing target is one the user may write (a read-only file is refused, never replaced).</item>
/// <item><see cref="TryWrite(CliContext, string, FileInfo, Action{Stream})"/>: the content goes to a temporary file
/// in the same folder, is flushed to disk and renamed over the target; the temporary file is removed on any failure
/// and an existing target is untouched unless the whole write succeeded; a replaced file keeps its permissions.</item>
/// </list>
/// Every message is in Vietnamese and English, names the option and the (shortened) path, and never carries exception
/// text.
/// </summary>
internal static class OutputFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>The size from which the cached pages of a replaced file are dropped first (a smaller file is freed at once).</summary>
    private const long ForgetFrom = 8 << 20;

    /// <summary>Checks that <paramref name="target"/> may be written; prints why not and returns false otherwise.</summary>
    /// <param name="cli">Where the message goes.</param>
    /// <param name="option">The option or argument that named the target (e.g. <c>--out</c>).</param>
    /// <param name="target">The file to write.</param>
    /// <param name="inputs">The command's input files with the option naming each (null entries are ignored).</param>
    public static bool Check(CliContext cli, string option, FileInfo target, params (string Option, FileInfo? File)[] inputs)
    {
        string? problem = Problem(target, inputs, out string? en);
        if (problem is null)
        {
            return true;
        }

        cli.Error.WriteLine($"{option}: {problem} / {option}: {en}");
        return false;
    }

    /// <summary>Why <paramref name="target"/> cannot be written (Vietnamese; English in <paramref name="en"/>), or null.</summary>
    internal static string? Problem(FileInfo target, (string Option, FileInfo? File)[] inputs, out string? en)
    {
        string shown = CliText.Shorten(target.ToString());
        en = null;
        if (Directory.Exists(target.FullName))
        {
            en = $"'{shown}' is a folder, not a file; give a file name";
            return $"'{shown}' là một thư mục, không phải tệp; hãy cho tên tệp";
        }

        string? folder = Path.GetDirectoryName(target.FullName);
        if (folder is null || !Directory.Exists(folder))
        {
            string f = CliText.Shorten(folder ?? shown);
            en = $"the folder '{f}' does not exist (create it first)";
            return $"thư mục '{f}' không tồn tại (hãy tạo thư mục trước)";
        }

        foreach ((string inputOption, FileInfo? input) in inputs)
        {
            if (input is not null && SameFile(target.FullName, input.FullName))
            {
                en = $"'{shown}' is the same file as the input {inputOption}; an input is never overwritten, choose another output file";
                return $"'{shown}' chính là tệp đầu vào {inputOption}; không ghi đè tệp đầu vào, hãy chọn tệp ra khác";
            }
        }

        if (File.Exists(target.FullName) && IsReadOnly(target.FullName))
        {
            en = $"the file '{shown}' is read-only; it is not replaced";
            return $"tệp '{shown}' chỉ được đọc (không có quyền ghi); không ghi đè";
        }

        return null;
    }

    /// <summary>
    /// Checks <paramref name="target"/> (<see cref="Check"/>) and writes it atomically; on a failure prints a bilingual
    /// message and returns false, leaving an existing target as it was and no temporary file behind.
    /// </summary>
    public static bool TryWrite(CliContext cli, string option, FileInfo target, Action<Stream> write)
    {
        if (!Check(cli, option, target))
        {
            return false;
        }

        try
        {
            Write(target.FullName, write);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string shown = CliText.Shorten(target.ToString());
            cli.Error.WriteLine(
                $"{option}: không ghi được tệp '{shown}' (đĩa đầy, không có quyền ghi hoặc đường dẫn không dùng được); tệp cũ (nếu có) giữ nguyên / "
                + $"{option}: the file '{shown}' could not be written (disk full, no write permission or an unusable path); an existing file is left as it was");
            return false;
        }
    }

    /// <summary>As <see cref="TryWrite(CliContext, string, FileInfo, Action{Stream})"/>, for content already in memory.</summary>
    public static bool TryWrite(CliContext cli, string option, FileInfo target, byte[] bytes) =>
        TryWrite(cli, option, target, stream => stream.Write(bytes));

    /// <summary>As <see cref="TryWrite(CliContext, string, FileInfo, Action{Stream})"/>, for text (UTF-8 without BOM).</summary>
    public static bool TryWriteText(CliContext cli, string option, FileInfo target, Action<TextWriter> write) =>
        TryWrite(cli, option, target, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically (throws on an I/O failure).</summary>
    public static void Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>
    /// Writes <paramref name="path"/> atomically: a temporary file in the same folder, flushed to disk, given the
    /// permissions of the file it replaces, renamed over it. Throws on an I/O failure; the temporary file is removed
    /// whatever happens.
    /// </summary>
    /// <remarks>On Linux the disk writes start while the content is still being written (<see cref="WriteBackStream"/>),
    /// so the flush to disk at the end waits for the last few MiB rather than the whole file.</remarks>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new IOException("no folder");

        // A unique, hidden temporary name beside the target: the rename stays on one file system, and two runs
        // writing the same file at once never share it.
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");

        // The rename frees the file it replaces, and on Linux freeing a large file whose pages are cached (the previous
        // output, just written) takes twice as long: those pages are dropped while the new content is written.
        Task? forget = OperatingSystem.IsLinux() && Environment.Is64BitProcess && new FileInfo(full) is { Exists: true, Length: >= ForgetFrom }
            ? Task.Run(() => ForgetCachedPages(full))
            : null;
        try
        {
            // The handle is opened first so that the write-back hints (WriteBackStream) can use it without asking the
            // file stream for it; the stream owns and closes it.
            using (SafeFileHandle handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var stream = new WriteBackStream(new FileStream(handle, FileAccess.Write, BufferSize), handle, BufferSize))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            forget?.Wait();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            forget?.Wait();
            try
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the original error (if any) is the one to report.
            }
        }
    }

    /// <summary>Drops the cached pages of <paramref name="path"/> (Linux); its content is unchanged, and any failure is
    /// ignored (only the time of the rename depends on it).</summary>
    private static void ForgetCachedPages(string path)
    {
        try
        {
            using SafeFileHandle old = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _ = PosixFadvise((int)old.DangerousGetHandle(), 0, 0, PosixFadviseDontNeed);
        }
        catch (Exception)
        {
            // A hint: whatever fails here, the write goes on and the rename frees the file all the same.
        }
    }

    /// <summary>
    /// Read-only for the user: the read-only attribute or, on Unix, no write bit for the owner (checked by mode, so
    /// that a read-only file stays read-only even for root), or a file the process cannot open for writing.
    /// </summary>
    internal static bool IsReadOnly(string path)
    {
        try
        {
            if ((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                return true;
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
            {
                return true;
            }

            // Opening for writing without truncating changes neither the content nor the modification time.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Whether two paths name the same file: equal after resolving links, or the same device and inode.</summary>
    internal static bool SameFile(string a, string b)
    {
        string ra = RealPath(a);
        string rb = RealPath(b);
        if (string.Equals(ra, rb, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return true;
        }

        return File.Exists(ra) && File.Exists(rb) && Inode(ra) is { } ia && Inode(rb) is { } ib && ia == ib;
    }

    /// <summary>The full path with every symbolic link along it resolved (as far as the path exists).</summary>
    internal static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        for (int hops = 0; hops < 40; hops++)
        {
            string? root = Path.GetPathRoot(full);
            string[] parts = full[(root?.Length ?? 0)..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            string current = root ?? string.Empty;
            bool changed = false;
            for (int i = 0; i < parts.Length; i++)
            {
                string next = Path.Combine(current, parts[i]);
                string? link = null;
                try
                {
                    link = new FileInfo(next).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Not readable: compare as written.
                }

                if (link is not null)
                {
                    string resolved = Path.GetFullPath(Path.IsPathRooted(link) ? link : Path.Combine(current, link));
                    full = Path.Combine([resolved, .. parts[(i + 1)..]]);
                    changed = true;
                    break;
                }

                current = next;
            }

            if (!changed)
            {
                return full;
            }
        }

        return full; // a loop of links: compare as far as it was resolved
    }

    /// <summary>The (device, inode) of a file on Linux, or null where it cannot be read.</summary>
    private static (ulong Device, ulong Inode)? Inode(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            // struct stat begins with st_dev and st_ino (8 bytes each) on the 64-bit Linux ABIs .NET runs on.
            byte[] buffer = new byte[512];
            return Stat(path, buffer) == 0 ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8)) : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    // <fcntl.h>: the pages of the range will not be needed; clean ones are dropped from the cache.
    private const int PosixFadviseDontNeed = 4;

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
