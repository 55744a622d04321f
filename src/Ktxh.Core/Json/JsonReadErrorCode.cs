namespace Ktxh;

/// <summary>What is wrong with a JSON text itself, before any package reads its content (see <see cref="LocatedJson"/>).</summary>
public enum JsonReadErrorCode
{
    /// <summary>The text is not well-formed JSON (a syntax error, an unterminated string, nesting too deep), or is empty.</summary>
    InvalidJson = 1,

    /// <summary>An object names the same property twice: which value was meant cannot be known, so neither is kept.</summary>
    DuplicateProperty = 2,

    /// <summary>The text is larger than the reader accepts (<see cref="LocatedJsonOptions.MaxBytes"/>).</summary>
    TooLarge = 3,
}
