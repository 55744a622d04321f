using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Cli.Files;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>Issue 10: the stream <see cref="OutputFile"/> writes through, which starts the disk writes of what is already
/// written on Linux, neither loses nor reorders a byte, whatever the sizes and kinds of the writes; a large file is
/// replaced atomically (its cached pages dropped first on Linux) or left as it was.</summary>
public sealed class WriteBackStreamTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Property(MaxTest = 60)]
    public Property Writes_of_any_sizes_and_kinds_make_the_same_file(int seed, bool smallSteps)
    {
        var random = new Random(seed);
        var expected = new MemoryStream();
        string path = temp.File($"out-{Guid.NewGuid():N}.bin");
        int hints;
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
        using (var stream = new WriteBackStream(new FileStream(handle, FileAccess.Write, 1 << 12), handle, 1 << 12, smallSteps ? 1 << 12 : 1 << 16))
        {
            int writes = random.Next(0, 60);
            for (int w = 0; w < writes; w++)
            {
                // Mostly small writes, some larger than the file stream's buffer and the step between hints.
                int size = random.Next(4) == 0 ? random.Next(0, 200_000) : random.Next(0, 3000);
                byte[] bytes = new byte[size + 7];
                random.NextBytes(bytes);
                int offset = random.Next(0, 8);
                int count = Math.Min(size, bytes.Length - offset);
                expected.Write(bytes, offset, count);
                switch (random.Next(5))
                {
                    case 0: stream.Write(bytes, offset, count); break;
                    case 1: stream.Write(bytes.AsSpan(offset, count)); break;
                    case 2: stream.WriteAsync(bytes, offset, count).GetAwaiter().GetResult(); break;
                    case 3: stream.WriteAsync(bytes.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult(); break;
                    default:
                        foreach (byte b in bytes.AsSpan(offset, Math.Min(count, 50)))
                        {
                            stream.WriteByte(b);
                        }

                        expected.SetLength(expected.Length - count + Math.Min(count, 50));
                        break;
                }
            }

            stream.Flush(flushToDisk: true);
            hints = stream.Hints;
        }

        Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(0, hints);
        }

        return true.ToProperty().Classify(hints > 0, "hinted").Classify(expected.Length > 1 << 20, "over 1 MiB");
    }

    [Fact]
    public void A_seek_stops_the_hints_and_the_bytes_are_those_of_the_file_stream()
    {
        string path = temp.File("seek.bin");
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
        using (var stream = new WriteBackStream(new FileStream(handle, FileAccess.Write, 1 << 12), handle, 1 << 12, 1 << 12))
        {
            stream.Write(new byte[100_000]);
            int hints = stream.Hints;
            stream.Seek(10, SeekOrigin.Begin);
            stream.Write([1, 2, 3]);
            stream.Position = 100_000;
            stream.Write(new byte[100_000]);
            Assert.Equal(hints, stream.Hints);
            Assert.Equal(OperatingSystem.IsLinux(), hints > 0);
            Assert.Equal(200_000, stream.Length);
        }

        byte[] written = File.ReadAllBytes(path);
        Assert.Equal(200_000, written.Length);
        Assert.Equal([0, 1, 2, 3, 0], written[9..14]);
    }

    [Fact]
    public void A_large_output_replaces_a_large_file_atomically_byte_for_byte()
    {
        // 20 MiB in writes of 150 KB, as the aggregate writer writes, over a 9 MiB file (whose cached pages are dropped
        // on Linux while the new content is written): the hints are given on the way.
        var random = new Random(10);
        string target = temp.File("big.csv");
        byte[] old = new byte[9 << 20];
        random.NextBytes(old);
        File.WriteAllBytes(target, old);
        byte[] content = new byte[20 << 20];
        random.NextBytes(content);
        OutputFile.Write(target, stream =>
        {
            for (int at = 0; at < content.Length; at += 150_000)
            {
                stream.Write(content, at, Math.Min(150_000, content.Length - at));
            }
        });

        Assert.Equal(content, File.ReadAllBytes(target));
        NoTemporaryFile();
    }

    [Fact]
    public void A_large_file_is_left_as_it_was_when_the_write_that_replaces_it_fails()
    {
        var random = new Random(11);
        string target = temp.File("big.csv");
        byte[] old = new byte[9 << 20];
        random.NextBytes(old);
        File.WriteAllBytes(target, old);
        Assert.Throws<IOException>(() => OutputFile.Write(target, stream =>
        {
            stream.Write(new byte[10 << 20]);
            throw new IOException("No space left on device");
        }));

        Assert.Equal(old, File.ReadAllBytes(target));
        NoTemporaryFile();
    }

    private void NoTemporaryFile() =>
        Assert.DoesNotContain(Directory.EnumerateFiles(temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
}
