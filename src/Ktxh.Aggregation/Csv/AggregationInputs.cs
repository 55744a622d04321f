using System.Collections;

namespace Ktxh.Aggregation;

/// <summary>
/// The inputs read from one CSV file by <see cref="AggregationCsv.ReadInputs(Stream, string?)"/>, in file order,
/// with the line each started on, so that a problem the engine finds later (an
/// <see cref="AggregationIssue.InputIndex"/>) can be shown at its line.
/// </summary>
/// <remarks>Immutable; safe to share.</remarks>
public sealed class AggregationInputs : IReadOnlyList<AggregationInput>
{
    private readonly AggregationInput[] _inputs;
    private readonly int[] _lines;

    internal AggregationInputs(AggregationInput[] inputs, int[] lines, string? source)
    {
        _inputs = inputs;
        _lines = lines;
        Source = source;
    }

    /// <summary>The inputs as an array (never modified), so the engine does not copy them.</summary>
    internal AggregationInput[] Items => _inputs;

    /// <summary>The file the inputs were read from, or null when not given.</summary>
    public string? Source { get; }

    /// <summary>The 1-based line each input started on (same order as the inputs).</summary>
    public IReadOnlyList<int> Lines => _lines;

    /// <inheritdoc />
    public int Count => _inputs.Length;

    /// <inheritdoc />
    public AggregationInput this[int index] => _inputs[index];

    /// <summary>The location of an input in the file: its source and line.</summary>
    /// <param name="index">The 0-based index of the input (as in <see cref="AggregationIssue.InputIndex"/>).</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of an input.</exception>
    public ErrorLocation LocationOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _lines.Length);
        return new ErrorLocation { Source = Source, Line = _lines[index] };
    }

    /// <inheritdoc />
    public IEnumerator<AggregationInput> GetEnumerator() => ((IEnumerable<AggregationInput>)_inputs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _inputs.GetEnumerator();
}
