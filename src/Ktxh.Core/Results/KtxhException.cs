using System.Collections.ObjectModel;

namespace Ktxh;

/// <summary>
/// Thrown when a caller asks for a value that could not be produced (<see cref="KtxhResult{T}.GetValueOrThrow"/>,
/// <see cref="KtxhResult{T}.Value"/>, a <c>Parse</c> or <c>Build</c> method); carries every error found.
/// </summary>
/// <remarks>
/// Derives from <see cref="FormatException"/>, like NodaTime's <c>UnparsableValueException</c>, so code that catches
/// format errors of the framework's parsers catches these too. The message lists the errors (the first 50), each with
/// its location and both languages.
/// </remarks>
public sealed class KtxhException : FormatException
{
    private const int ListedInMessage = 50;

    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> or one of them is null.</exception>
    public KtxhException(IEnumerable<KtxhError> errors)
        : this(Freeze(errors))
    {
    }

    /// <summary>Creates the exception from one error.</summary>
    /// <param name="error">The error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public KtxhException(KtxhError error)
        : this(new[] { error ?? throw new ArgumentNullException(nameof(error)) })
    {
    }

    private KtxhException(ReadOnlyCollection<KtxhError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in the order found.</summary>
    public IReadOnlyList<KtxhError> Errors { get; }

    private static ReadOnlyCollection<KtxhError> Freeze(IEnumerable<KtxhError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        KtxhError[] list = errors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("An exception needs at least one error.", nameof(errors));
        }

        foreach (KtxhError e in list)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(errors));
        }

        return Array.AsReadOnly(list);
    }

    private static string Describe(IReadOnlyList<KtxhError> errors)
    {
        if (errors.Count == 1)
        {
            return errors[0].ToString();
        }

        IEnumerable<string> lines = errors.Take(ListedInMessage).Select(e => "- " + e);
        string more = errors.Count > ListedInMessage
            ? $"{Environment.NewLine}… và {errors.Count - ListedInMessage} lỗi khác / … and {errors.Count - ListedInMessage} more"
            : string.Empty;
        return $"{errors.Count} lỗi / {errors.Count} errors:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
