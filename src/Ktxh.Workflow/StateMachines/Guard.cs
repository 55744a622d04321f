namespace Ktxh.Workflow;

/// <summary>
/// A condition a transition needs, with a description in Vietnamese and English that becomes the error when it
/// blocks (Stateless-style guards). Immutable and thread-safe when its predicate is.
/// </summary>
/// <typeparam name="TContext">What the predicate looks at (the command and the submission).</typeparam>
public sealed class Guard<TContext>
{
    private readonly Func<TContext, bool> _predicate;

    /// <summary>Creates a guard.</summary>
    /// <param name="code">The error code reported when the guard blocks.</param>
    /// <param name="descriptionVi">What is required, in Vietnamese.</param>
    /// <param name="descriptionEn">What is required, in English.</param>
    /// <param name="predicate">True when the transition may happen.</param>
    /// <exception cref="ArgumentException">A description is empty.</exception>
    /// <exception cref="ArgumentNullException">The predicate is null.</exception>
    public Guard(WorkflowErrorCode code, string descriptionVi, string descriptionEn, Func<TContext, bool> predicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(descriptionVi);
        ArgumentException.ThrowIfNullOrWhiteSpace(descriptionEn);
        ArgumentNullException.ThrowIfNull(predicate);
        Code = code;
        DescriptionVi = descriptionVi;
        DescriptionEn = descriptionEn;
        _predicate = predicate;
    }

    /// <summary>The error code reported when the guard blocks.</summary>
    public WorkflowErrorCode Code { get; }

    /// <summary>What is required, in Vietnamese.</summary>
    public string DescriptionVi { get; }

    /// <summary>What is required, in English.</summary>
    public string DescriptionEn { get; }

    /// <summary>Whether the guard lets the transition happen.</summary>
    /// <param name="context">The context.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Allows(TContext context) => _predicate(context);

    /// <inheritdoc/>
    public override string ToString() => $"{DescriptionVi} / {DescriptionEn}";
}
