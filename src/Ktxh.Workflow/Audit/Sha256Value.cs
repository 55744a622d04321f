using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ktxh.Workflow;

/// <summary>
/// A SHA-256 held inline (four words, no array or string): a sealed event keeps its hash this way and writes the
/// lower-case hexadecimal form (the chain link, <see cref="StoredEvent.Hash"/>) only when asked, so the store's
/// events carry 32 bytes instead of a 64-character string each.
/// </summary>
internal readonly struct Sha256Value : IEquatable<Sha256Value>
{
    /// <summary>Characters (and UTF-8 bytes) of the hexadecimal form.</summary>
    public const int HexLength = 64;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private Sha256Value(ReadOnlySpan<byte> hash)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(hash);
        _b = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(hash[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(hash[24..]);
    }

    // One hashing context per thread, reset after each hash: the one-shot call sets up and frees a context each time,
    // which costs more than hashing a body of a few hundred bytes.
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    /// <summary>The SHA-256 of bytes.</summary>
    public static Sha256Value Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        IncrementalHash sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes);
        sha.GetHashAndReset(hash);
        return new Sha256Value(hash);
    }

    /// <summary>Writes the lower-case hexadecimal form as UTF-8 (64 bytes).</summary>
    public void WriteHex(Span<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(hash, _a);
        BinaryPrimitives.WriteUInt64BigEndian(hash[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(hash[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(hash[24..], _d);
        Convert.TryToHexStringLower(hash, utf8, out _);
    }

    /// <summary>The lower-case hexadecimal form.</summary>
    public override string ToString() => string.Create(HexLength, this, static (chars, h) =>
    {
        Span<byte> utf8 = stackalloc byte[HexLength];
        h.WriteHex(utf8);
        for (int i = 0; i < HexLength; i++)
        {
            chars[i] = (char)utf8[i];
        }
    });

    /// <inheritdoc/>
    public bool Equals(Sha256Value other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sha256Value other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);
}
