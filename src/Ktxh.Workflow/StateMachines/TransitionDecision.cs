namespace Ktxh.Workflow;

/// <summary>What a state machine decides for a trigger in a state: permitted (with the destination), not a
/// transition of the table, or blocked by guards (every blocking guard listed). Immutable.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The guards' context type.</typeparam>
public sealed class TransitionDecision<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    internal TransitionDecision(TransitionDefinition<TState, TTrigger, TContext>? transition, IReadOnlyList<Guard<TContext>> failedGuards)
    {
        Transition = transition;
        FailedGuards = failedGuards;
    }

    /// <summary>The table row that matched, or null when the trigger is not permitted from the state at all.</summary>
    public TransitionDefinition<TState, TTrigger, TContext>? Transition { get; }

    /// <summary>The guards that blocked, in table order (empty when permitted).</summary>
    public IReadOnlyList<Guard<TContext>> FailedGuards { get; }

    /// <summary>Whether the transition may happen.</summary>
    public bool IsPermitted => Transition is not null && FailedGuards.Count == 0;

    /// <summary>Whether the trigger is a transition of the table from the state (whatever the guards say).</summary>
    public bool IsDefined => Transition is not null;
}
