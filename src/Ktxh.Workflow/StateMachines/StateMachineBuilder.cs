namespace Ktxh.Workflow;

/// <summary>
/// Configures a state machine in one readable place, Stateless-style:
/// <c>builder.Configure(state).Permit(trigger, destination, guards…)</c>. <see cref="Build"/> checks the table and
/// fails on an invalid or ambiguous configuration, so a mistake shows at start-up, not at the first unlucky call.
/// </summary>
/// <remarks>
/// <para>Rules checked when built: an initial state is set; every state used as a destination is configured (terminal
/// states too, with no transitions); a trigger appears at most once per state (a trigger leads to one destination,
/// its guards all apply, so no two rows can both match); a transition to its own state is declared with
/// <see cref="StateConfiguration{TState, TTrigger, TContext}.PermitReentry"/>; every configured state is reachable
/// from the initial state.</para>
/// <para>Not thread-safe; the built <see cref="StateMachine{TState, TTrigger, TContext}"/> is.</para>
/// </remarks>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The guards' context type.</typeparam>
public sealed class StateMachineBuilder<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly List<TState> _configured = [];
    private readonly List<TransitionDefinition<TState, TTrigger, TContext>> _rows = [];
    private readonly List<KtxhError> _errors = [];
    private TState? _initial;

    /// <summary>Sets the initial state.</summary>
    /// <param name="state">The state a new machine instance starts in.</param>
    /// <returns>This builder.</returns>
    public StateMachineBuilder<TState, TTrigger, TContext> WithInitialState(TState state)
    {
        _initial = state;
        return this;
    }

    /// <summary>Starts (or continues) the configuration of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The state's configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        if (!_configured.Contains(state))
        {
            _configured.Add(state);
        }

        return new StateConfiguration<TState, TTrigger, TContext>(this, state);
    }

    internal void Add(TState source, TTrigger trigger, TState destination, Guard<TContext>[] guards, bool reentry)
    {
        ArgumentNullException.ThrowIfNull(guards);
        if (guards.Any(g => g is null))
        {
            throw new ArgumentNullException(nameof(guards), "Một điều kiện là null. / A guard is null.");
        }

        bool same = EqualityComparer<TState>.Default.Equals(source, destination);
        if (same && !reentry)
        {
            _errors.Add(Error(source, trigger,
                $"Chuyển từ {source} sang chính nó bằng {trigger} phải khai báo là PermitReentry.",
                $"A transition from {source} to itself on {trigger} must be declared with PermitReentry."));
        }

        if (_rows.Any(r => EqualityComparer<TState>.Default.Equals(r.Source, source) && EqualityComparer<TTrigger>.Default.Equals(r.Trigger, trigger)))
        {
            _errors.Add(Error(source, trigger,
                $"Mơ hồ: trạng thái {source} khai báo {trigger} nhiều lần.",
                $"Ambiguous: state {source} declares {trigger} more than once."));
            return;
        }

        _rows.Add(new TransitionDefinition<TState, TTrigger, TContext>(source, trigger, destination, guards.ToArray()));
    }

    /// <summary>Builds the machine, throwing when the configuration is invalid.</summary>
    /// <returns>The machine.</returns>
    /// <exception cref="KtxhException">The configuration is invalid or ambiguous; every problem is listed.</exception>
    public StateMachine<TState, TTrigger, TContext> Build() => BuildResult().GetValueOrThrow();

    /// <summary>Builds the machine, or returns every configuration problem.</summary>
    /// <returns>The machine, or the errors (<see cref="WorkflowErrorCode.InvalidConfiguration"/>).</returns>
    public KtxhResult<StateMachine<TState, TTrigger, TContext>> BuildResult()
    {
        var errors = new List<KtxhError>(_errors);
        if (_initial is not { } initial)
        {
            errors.Add(KtxhError.Create(WorkflowErrorCode.InvalidConfiguration, ErrorLocation.None,
                "Chưa đặt trạng thái ban đầu.", "No initial state is set."));
            return KtxhResult<StateMachine<TState, TTrigger, TContext>>.ForErrors(errors);
        }

        if (!_configured.Contains(initial))
        {
            errors.Add(KtxhError.Create(WorkflowErrorCode.InvalidConfiguration, ErrorLocation.AtField(initial.ToString()),
                $"Trạng thái ban đầu {initial} chưa được cấu hình.", $"The initial state {initial} is not configured."));
        }

        foreach (var row in _rows.Where(r => !_configured.Contains(r.Destination)))
        {
            errors.Add(Error(row.Source, row.Trigger,
                $"Trạng thái đích {row.Destination} (từ {row.Source} bằng {row.Trigger}) chưa được cấu hình.",
                $"The destination {row.Destination} (from {row.Source} on {row.Trigger}) is not configured."));
        }

        var reached = new HashSet<TState> { initial };
        var queue = new Queue<TState>([initial]);
        while (queue.TryDequeue(out TState s))
        {
            foreach (var row in _rows.Where(r => EqualityComparer<TState>.Default.Equals(r.Source, s)))
            {
                if (reached.Add(row.Destination))
                {
                    queue.Enqueue(row.Destination);
                }
            }
        }

        foreach (TState s in _configured.Where(s => !reached.Contains(s)))
        {
            errors.Add(KtxhError.Create(WorkflowErrorCode.InvalidConfiguration, ErrorLocation.AtField(s.ToString()),
                $"Trạng thái {s} không thể đạt tới từ trạng thái ban đầu {initial}.",
                $"State {s} cannot be reached from the initial state {initial}."));
        }

        return KtxhResult.FromErrorsOr<StateMachine<TState, TTrigger, TContext>>(errors,
            () => new StateMachine<TState, TTrigger, TContext>(initial, _configured.ToArray(), _rows.ToArray()));
    }

    private static KtxhError Error(TState state, TTrigger trigger, string vi, string en) =>
        KtxhError.Create(WorkflowErrorCode.InvalidConfiguration, ErrorLocation.AtField($"{state}.{trigger}"), vi, en);
}

/// <summary>The configuration of one state in a <see cref="StateMachineBuilder{TState, TTrigger, TContext}"/>.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The guards' context type.</typeparam>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateMachineBuilder<TState, TTrigger, TContext> _builder;

    internal StateConfiguration(StateMachineBuilder<TState, TTrigger, TContext> builder, TState state)
    {
        _builder = builder;
        State = state;
    }

    /// <summary>The state being configured.</summary>
    public TState State { get; }

    /// <summary>Permits <paramref name="trigger"/> to lead to <paramref name="destination"/> when every guard allows it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The destination (another state).</param>
    /// <param name="guards">The guards.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException">A guard is null.</exception>
    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination, params Guard<TContext>[] guards)
    {
        _builder.Add(State, trigger, destination, guards, reentry: false);
        return this;
    }

    /// <summary>Permits <paramref name="trigger"/> to re-enter this state when every guard allows it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guards">The guards.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException">A guard is null.</exception>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentry(TTrigger trigger, params Guard<TContext>[] guards)
    {
        _builder.Add(State, trigger, State, guards, reentry: true);
        return this;
    }
}
