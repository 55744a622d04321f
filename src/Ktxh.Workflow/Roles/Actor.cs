namespace Ktxh.Workflow;

/// <summary>
/// Who issues a command: an account (named <c>hovaten_tendonvi</c>, seed 002 Điều 3.9) of a unit, with its roles
/// and, optionally, the forms assigned to it. The host authenticates the account; the workflow enforces what it may
/// do. Immutable and thread-safe.
/// </summary>
public sealed class Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="userName">The account name.</param>
    /// <param name="unitCode">The code of the account's unit.</param>
    /// <param name="roles">The roles held.</param>
    /// <param name="forms">The form codes assigned to the account (data entry enters only these, Điều 10.4); null or
    /// empty means every form of its unit.</param>
    /// <exception cref="ArgumentException">The user name or unit code is empty.</exception>
    public Actor(string userName, string unitCode, WorkflowRole roles, IEnumerable<string>? forms = null)
    {
        UserName = Ktxh.VietnameseText.Normalize(userName) is { Length: > 0 } name
            ? name
            : throw new ArgumentException("Tên tài khoản trống. / The user name is empty.", nameof(userName));
        UnitCode = SubmissionId.Code(unitCode, nameof(unitCode));
        Roles = roles;
        Forms = (forms ?? []).Select(f => SubmissionId.Code(f, nameof(forms))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The account name.</summary>
    public string UserName { get; }

    /// <summary>The account's unit.</summary>
    public string UnitCode { get; }

    /// <summary>The roles held.</summary>
    public WorkflowRole Roles { get; }

    /// <summary>The form codes assigned to the account, sorted; empty means every form of its unit.</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>Whether the actor holds any of <paramref name="roles"/>.</summary>
    /// <param name="roles">The roles.</param>
    /// <returns><see langword="true"/> when at least one is held.</returns>
    public bool HasAny(WorkflowRole roles) => (Roles & roles) != 0;

    /// <summary>Whether the form is assigned to the actor.</summary>
    /// <param name="formCode">The form code.</param>
    /// <returns><see langword="true"/> when <see cref="Forms"/> is empty or lists it.</returns>
    public bool IsAssigned(string formCode) => Forms.Count == 0 || Forms.Contains(formCode, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{UserName} ({UnitCode})";
}
