using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Ktxh;

/// <summary>
/// The outcome of a parse, read, load, import or build: either a value or <b>every</b> error found
/// (<see cref="KtxhError"/>, each located and in Vietnamese and English). Modelled on NodaTime's
/// <c>ParseResult&lt;T&gt;</c>: nothing throws until the caller asks for the value of a failure.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>Immutable and thread-safe (as far as <typeparamref name="T"/> is).</remarks>
public sealed class KtxhResult<T>
{
    private static readonly ReadOnlyCollection<KtxhError> NoErrors = Array.AsReadOnly(Array.Empty<KtxhError>());

    private readonly T _value;
    private readonly ReadOnlyCollection<KtxhError>? _errors;

    private KtxhResult(T value, ReadOnlyCollection<KtxhError>? errors)
    {
        _value = value;
        _errors = errors;
    }

    /// <summary>Whether a value was produced (and <see cref="Errors"/> is empty).</summary>
    public bool Success => _errors is null;

    /// <summary>The value; the same as <see cref="GetValueOrThrow"/>.</summary>
    /// <exception cref="KtxhException">The result is a failure; the exception carries every error.</exception>
    public T Value => GetValueOrThrow();

    /// <summary>Every error found, in the order found; empty on success.</summary>
    public IReadOnlyList<KtxhError> Errors => _errors ?? NoErrors;

    /// <summary>The exception that <see cref="GetValueOrThrow"/> would throw, for a caller that throws it later or wraps it.</summary>
    /// <exception cref="InvalidOperationException">The result is a success: there is no error to throw.</exception>
    public KtxhException Exception => _errors is { } errors
        ? new KtxhException(errors)
        : throw new InvalidOperationException("Kết quả thành công không có lỗi / A successful result has no exception.");

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static KtxhResult<T> ForValue(T value) => new(value, null);

    /// <summary>A failed result with one error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static KtxhResult<T> ForError(KtxhError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default!, Array.AsReadOnly(new[] { error }));
    }

    /// <summary>A failed result with every error found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> or one of them is null.</exception>
    public static KtxhResult<T> ForErrors(IEnumerable<KtxhError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        KtxhError[] list = errors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        foreach (KtxhError e in list)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(errors));
        }

        return new(default!, Array.AsReadOnly(list));
    }

    /// <summary>The value, or throws the <see cref="KtxhException"/> carrying every error.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="KtxhException">The result is a failure.</exception>
    public T GetValueOrThrow() => _errors is { } errors ? throw new KtxhException(errors) : _value;

    /// <summary>Gets the value if there is one.</summary>
    /// <param name="value">The value, or the default of <typeparamref name="T"/> on failure.</param>
    /// <returns>Whether there is a value.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return _errors is null;
    }

    /// <summary>The value, or <paramref name="defaultValue"/> on failure.</summary>
    /// <param name="defaultValue">What to return on failure.</param>
    /// <returns>The value or the default.</returns>
    public T GetValueOrDefault(T defaultValue) => _errors is null ? _value : defaultValue;

    /// <summary>Projects a successful value; a failure keeps its errors.</summary>
    /// <typeparam name="TTarget">The projected type.</typeparam>
    /// <param name="projection">The projection, called only on success.</param>
    /// <returns>The projected result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="projection"/> is null.</exception>
    public KtxhResult<TTarget> Convert<TTarget>(Func<T, TTarget> projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return _errors is { } errors ? KtxhResult<TTarget>.FromErrors(errors) : KtxhResult<TTarget>.ForValue(projection(_value));
    }

    /// <summary>Continues with a step that may itself fail; a failure keeps its errors and skips the step.</summary>
    /// <typeparam name="TTarget">The next step's value type.</typeparam>
    /// <param name="next">The step, called only on success.</param>
    /// <returns>The next step's result, or this failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null.</exception>
    public KtxhResult<TTarget> Then<TTarget>(Func<T, KtxhResult<TTarget>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return _errors is { } errors ? KtxhResult<TTarget>.FromErrors(errors) : next(_value) ?? throw new InvalidOperationException("The step returned null.");
    }

    /// <summary>The same failure as a result of another value type (to pass errors up unchanged).</summary>
    /// <typeparam name="TTarget">The other value type.</typeparam>
    /// <returns>A failed result with the same errors.</returns>
    /// <exception cref="InvalidOperationException">The result is a success.</exception>
    public KtxhResult<TTarget> ConvertError<TTarget>()
        => _errors is { } errors
            ? KtxhResult<TTarget>.FromErrors(errors)
            : throw new InvalidOperationException("Kết quả thành công không có lỗi để chuyển / A successful result has no error to convert.");

    /// <summary>The same result with every error's location in the named input (a file name).</summary>
    /// <param name="source">The input's name.</param>
    /// <returns>The result; a success is returned unchanged.</returns>
    public KtxhResult<T> WithSource(string? source)
        => _errors is { } errors ? FromErrors(Array.AsReadOnly(errors.Select(e => e.WithSource(source)).ToArray())) : this;

    /// <inheritdoc />
    public override string ToString()
        => _errors is { } errors
            ? $"Failure: {string.Join(Environment.NewLine, errors)}"
            : $"Success: {_value}";

    private static KtxhResult<T> FromErrors(ReadOnlyCollection<KtxhError> errors) => new(default!, errors);
}

/// <summary>Creates <see cref="KtxhResult{T}"/> values with the value type inferred.</summary>
public static class KtxhResult
{
    /// <summary>A successful result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static KtxhResult<T> ForValue<T>(T value) => KtxhResult<T>.ForValue(value);

    /// <summary>
    /// A result from a value built only if no error was found: a failure with <paramref name="errors"/> when there
    /// are any, else a success with <paramref name="build"/>'s value. The usual shape of a loader that collects every
    /// problem before building anything.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="errors">The errors found.</param>
    /// <param name="build">Builds the value; called only when there are no errors.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KtxhResult<T> FromErrorsOr<T>(IReadOnlyCollection<KtxhError> errors, Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(build);
        return errors.Count > 0 ? KtxhResult<T>.ForErrors(errors) : KtxhResult<T>.ForValue(build());
    }
}
