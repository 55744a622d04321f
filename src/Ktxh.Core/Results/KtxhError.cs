namespace Ktxh;

/// <summary>
/// One problem found in input data: a code saying what is wrong, a location saying where, and a message in
/// Vietnamese and in English. Every parse, read, load, import and build of the Ktxh SDK reports its problems as these
/// (inside a <see cref="KtxhResult{T}"/>, or a <see cref="KtxhException"/> when the caller asked to throw).
/// </summary>
/// <remarks>
/// Each package keeps its own codes as an enum (<c>CatalogueErrorCode</c>, <c>PeriodErrorCode</c>…); create the error
/// with <see cref="Create{TCode}"/> and test it with <see cref="Is{TCode}"/> or <see cref="TryGetCode{TCode}"/>.
/// <see cref="Code"/> is the code's name, stable across releases, for logs and for hosts that match on text.
/// Immutable and thread-safe.
/// </remarks>
public sealed record KtxhError
{
    /// <summary>Creates an error with a text code (for codes that are not an enum).</summary>
    /// <param name="code">What is wrong, as a stable name (<c>DuplicateCode</c>).</param>
    /// <param name="location">Where; <see cref="ErrorLocation.None"/> when it concerns the whole input.</param>
    /// <param name="messageVi">The message in Vietnamese.</param>
    /// <param name="messageEn">The message in English.</param>
    /// <exception cref="ArgumentException">The code or a message is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public KtxhError(string code, ErrorLocation location, string messageVi, string messageEn)
        : this(code, null, location, messageVi, messageEn)
    {
    }

    private KtxhError(string code, Enum? codeValue, ErrorLocation location, string messageVi, string messageEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageVi);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageEn);
        Code = code;
        CodeValue = codeValue;
        Location = location;
        MessageVi = messageVi;
        MessageEn = messageEn;
    }

    /// <summary>What is wrong: the name of the package's code (<c>DuplicateCode</c>).</summary>
    public string Code { get; }

    /// <summary>The code as the package's enum value, or <see langword="null"/> for an error created with a text code.</summary>
    public Enum? CodeValue { get; }

    /// <summary>Where the problem is.</summary>
    public ErrorLocation Location { get; init; }

    /// <summary>The message in Vietnamese.</summary>
    public string MessageVi { get; }

    /// <summary>The message in English.</summary>
    public string MessageEn { get; }

    /// <summary>Both messages as one text: <c>Vietnamese / English</c>.</summary>
    public string Message => $"{MessageVi} / {MessageEn}";

    /// <summary>Creates an error whose code is a value of the package's enum.</summary>
    /// <typeparam name="TCode">The package's code enum.</typeparam>
    /// <param name="code">What is wrong.</param>
    /// <param name="location">Where; <see cref="ErrorLocation.None"/> when it concerns the whole input.</param>
    /// <param name="messageVi">The message in Vietnamese.</param>
    /// <param name="messageEn">The message in English.</param>
    /// <returns>The error.</returns>
    /// <exception cref="ArgumentException">A message is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KtxhError Create<TCode>(TCode code, ErrorLocation location, string messageVi, string messageEn)
        where TCode : struct, Enum
        => new(code.ToString(), code, location, messageVi, messageEn);

    /// <summary>Whether this error has the given code of a package's enum.</summary>
    /// <typeparam name="TCode">The package's code enum.</typeparam>
    /// <param name="code">The code to compare with.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public bool Is<TCode>(TCode code)
        where TCode : struct, Enum
        => CodeValue is TCode mine && EqualityComparer<TCode>.Default.Equals(mine, code);

    /// <summary>Gets the code as a value of a package's enum.</summary>
    /// <typeparam name="TCode">The package's code enum.</typeparam>
    /// <param name="code">The code, or the default when the error's code is of another type.</param>
    /// <returns>Whether the code is of type <typeparamref name="TCode"/>.</returns>
    public bool TryGetCode<TCode>(out TCode code)
        where TCode : struct, Enum
    {
        if (CodeValue is TCode mine)
        {
            code = mine;
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>The same error found in the named input (a file name).</summary>
    /// <param name="source">The input's name.</param>
    /// <returns>The error with its location's <see cref="ErrorLocation.Source"/> set.</returns>
    public KtxhError WithSource(string? source) => this with { Location = Location.WithSource(source) };

    /// <summary>The error with its location, code and both messages: <c>$.a[2]: [DuplicateCode] … / …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Location.IsNone ? $"[{Code}] {Message}" : $"{Location}: [{Code}] {Message}";
}
