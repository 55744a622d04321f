namespace Ktxh;

/// <summary>How <see cref="LocatedJson"/> reads a JSON text. Immutable; change it with a <c>with</c> expression.</summary>
public sealed record LocatedJsonOptions
{
    /// <summary>The defaults: comments and trailing commas allowed (files are written by people), depth 64, 64 MiB.</summary>
    public static LocatedJsonOptions Default { get; } = new();

    /// <summary>The name of the input (a file name), put into every error's location; <see langword="null"/> by default.</summary>
    public string? Source { get; init; }

    /// <summary>Whether <c>//</c> and <c>/* */</c> comments are skipped (<see langword="true"/>) or are errors.</summary>
    public bool AllowComments { get; init; } = true;

    /// <summary>Whether a comma after the last item of an object or array is accepted.</summary>
    public bool AllowTrailingCommas { get; init; } = true;

    /// <summary>The deepest nesting accepted (a guard against hostile input).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The largest text accepted, in bytes of UTF-8 (a guard against hostile input).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most errors reported before reading stops (one hostile file can name a key a million times).</summary>
    public int MaxErrors { get; init; } = 100;
}
