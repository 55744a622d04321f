using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Ktxh.Aggregation;

/// <summary>
/// A small map from byte sequences (a field's raw bytes) to an int, looked up straight from the span: the reader
/// meets a few thousand distinct codes and periods among millions of fields, and decodes each distinct one once.
/// </summary>
/// <remarks>Open addressing, linear probing, keys kept in one byte arena. Not thread-safe (one per chunk reader).</remarks>
internal sealed class ByteKeyTable
{
    private int[] _slots = new int[64]; // entry + 1, 0 = empty
    private int[] _hashes = new int[32];
    private int[] _keyStart = new int[32];
    private int[] _keyLength = new int[32];
    private int[] _values = new int[32];
    private byte[] _arena = new byte[512];
    private int _arenaUsed;
    private int _count;

    /// <summary>The value stored for <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<byte> key, out int value)
    {
        int h = Hash(key);
        int mask = _slots.Length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask)
        {
            int e = _slots[s] - 1;
            if (e < 0)
            {
                value = 0;
                return false;
            }

            if (_hashes[e] == h && key.SequenceEqual(_arena.AsSpan(_keyStart[e], _keyLength[e])))
            {
                value = _values[e];
                return true;
            }
        }
    }

    /// <summary>Stores a value for a key not yet in the table.</summary>
    public void Add(ReadOnlySpan<byte> key, int value)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (_count == _hashes.Length)
        {
            int n = _count * 2;
            Array.Resize(ref _hashes, n);
            Array.Resize(ref _keyStart, n);
            Array.Resize(ref _keyLength, n);
            Array.Resize(ref _values, n);
        }

        if (_arenaUsed + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        }

        int h = Hash(key);
        key.CopyTo(_arena.AsSpan(_arenaUsed));
        _hashes[_count] = h;
        _keyStart[_count] = _arenaUsed;
        _keyLength[_count] = key.Length;
        _values[_count] = value;
        _arenaUsed += key.Length;
        Place(_count, h);
        _count++;
    }

    private void Place(int entry, int h)
    {
        int mask = _slots.Length - 1;
        int s = h & mask;
        while (_slots[s] != 0)
        {
            s = (s + 1) & mask;
        }

        _slots[s] = entry + 1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (int e = 0; e < _count; e++)
        {
            Place(e, _hashes[e]);
        }
    }

    /// <summary>A fast hash of short keys (codes of 2–12 bytes): 8 bytes at a time, mixed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> key)
    {
        ulong h = (ulong)key.Length * 0x9E3779B97F4A7C15UL;
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 29;
            key = key[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < key.Length; i++)
        {
            tail |= (ulong)key[i] << (8 * i);
        }

        h = (h ^ tail) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (int)h ^ (int)(h >> 32);
    }
}
