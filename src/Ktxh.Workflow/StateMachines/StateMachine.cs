using System.Text;

namespace Ktxh.Workflow;

/// <summary>
/// A state machine built and checked by <see cref="StateMachineBuilder{TState, TTrigger, TContext}"/>. It holds no
/// current state: callers pass the state in (the state of a submission lives in its events), so one machine serves
/// every submission. Immutable and thread-safe.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The guards' context type.</typeparam>
public sealed class StateMachine<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    // Each row with its "permitted" decision, made once (the answer to almost every command).
    private readonly Dictionary<(TState, TTrigger), (TransitionDefinition<TState, TTrigger, TContext> Row, TransitionDecision<TState, TTrigger, TContext> Permitted)> _index;

    internal StateMachine(TState initial, IReadOnlyList<TState> states, IReadOnlyList<TransitionDefinition<TState, TTrigger, TContext>> transitions)
    {
        InitialState = initial;
        States = states;
        Transitions = transitions;
        _index = transitions.ToDictionary(t => (t.Source, t.Trigger), t => (t, new TransitionDecision<TState, TTrigger, TContext>(t, [])));
    }

    /// <summary>The initial state.</summary>
    public TState InitialState { get; }

    /// <summary>The configured states, in configuration order.</summary>
    public IReadOnlyList<TState> States { get; }

    /// <summary>The table, in configuration order.</summary>
    public IReadOnlyList<TransitionDefinition<TState, TTrigger, TContext>> Transitions { get; }

    /// <summary>The table row for a trigger in a state, if any.</summary>
    /// <param name="state">The state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The row, or null.</returns>
    public TransitionDefinition<TState, TTrigger, TContext>? Find(TState state, TTrigger trigger) =>
        _index.TryGetValue((state, trigger), out var found) ? found.Row : null;

    /// <summary>Decides what <paramref name="trigger"/> does in <paramref name="state"/>: every guard is evaluated,
    /// and every one that blocks is listed.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The guards' context.</param>
    /// <returns>The decision.</returns>
    public TransitionDecision<TState, TTrigger, TContext> Decide(TState state, TTrigger trigger, TContext context)
    {
        if (!_index.TryGetValue((state, trigger), out var entry))
        {
            return new TransitionDecision<TState, TTrigger, TContext>(null, []);
        }

        // Every guard is evaluated (all reasons are reported), without allocating when all allow.
        List<Guard<TContext>>? failed = null;
        IReadOnlyList<Guard<TContext>> guards = entry.Row.Guards;
        for (int i = 0; i < guards.Count; i++)
        {
            Guard<TContext> g = guards[i];
            if (!g.Allows(context))
            {
                (failed ??= []).Add(g);
            }
        }

        return failed is null ? entry.Permitted : new TransitionDecision<TState, TTrigger, TContext>(entry.Row, failed.ToArray());
    }

    /// <summary>The triggers defined from <paramref name="state"/>, whatever their guards.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The triggers in table order.</returns>
    public IReadOnlyList<TTrigger> DefinedTriggers(TState state) =>
        Transitions.Where(t => EqualityComparer<TState>.Default.Equals(t.Source, state)).Select(t => t.Trigger).ToArray();

    /// <summary>The triggers permitted from <paramref name="state"/> in <paramref name="context"/> (all guards allow).</summary>
    /// <param name="state">The state.</param>
    /// <param name="context">The context.</param>
    /// <returns>The triggers in table order.</returns>
    public IReadOnlyList<TTrigger> PermittedTriggers(TState state, TContext context) =>
        Transitions.Where(t => EqualityComparer<TState>.Default.Equals(t.Source, state) && t.Guards.All(g => g.Allows(context)))
            .Select(t => t.Trigger).ToArray();

    /// <summary>
    /// The table as a Mermaid <c>stateDiagram-v2</c>: one arrow per row, labelled with the trigger and, in brackets,
    /// the guards' English descriptions when <paramref name="withGuards"/> is set.
    /// </summary>
    /// <param name="withGuards">Whether to print the guards on the arrows.</param>
    /// <returns>The diagram text (LF line ends).</returns>
    public string ToMermaid(bool withGuards = false)
    {
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        sb.Append("    [*] --> ").Append(InitialState).Append('\n');
        foreach (var t in Transitions)
        {
            sb.Append("    ").Append(t.Source).Append(" --> ").Append(t.Destination).Append(" : ").Append(t.Trigger);
            if (withGuards && t.Guards.Count > 0)
            {
                sb.Append(" [").Append(string.Join("; ", t.Guards.Select(g => g.DescriptionEn.Replace(':', ' ')))).Append(']');
            }

            sb.Append('\n');
        }

        foreach (TState s in States.Where(s => !Transitions.Any(t => EqualityComparer<TState>.Default.Equals(t.Source, s))))
        {
            sb.Append("    ").Append(s).Append(" --> [*]\n");
        }

        return sb.ToString();
    }
}
