namespace Ktxh.Workflow;

/// <summary>One row of a state machine's table: from a state, a trigger leads to a destination when every guard
/// allows it. Immutable.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The guards' context type.</typeparam>
/// <param name="Source">The state the transition leaves.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Destination">The state reached (the source itself for a re-entry).</param>
/// <param name="Guards">The guards, all of which must allow it.</param>
public sealed record TransitionDefinition<TState, TTrigger, TContext>(
    TState Source, TTrigger Trigger, TState Destination, IReadOnlyList<Guard<TContext>> Guards)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>Whether the transition re-enters its source state.</summary>
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);
}
