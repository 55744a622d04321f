using System.Collections.Concurrent;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// Runs the workflow: assigns forms, executes commands through the lifecycle table
/// (<see cref="SubmissionLifecycle"/>), grants lock exceptions, and reads submissions back. Every accepted command
/// becomes one event in the <see cref="IWorkflowStore"/>; every refused command returns a failure saying who, what
/// and why in Vietnamese and English, and changes nothing.
/// </summary>
/// <remarks>
/// <para>Thread-safe: concurrent commands on one submission are resolved by the store's optimistic concurrency (one
/// wins, the other gets <see cref="WorkflowErrorCode.ConcurrencyConflict"/>).</para>
/// <para>Stream cache: the engine keeps the submissions it has read or written in memory (immutable folds, up to
/// <see cref="WorkflowEngineOptions.StreamCacheCapacity"/>), so a command does not re-read and re-fold the whole
/// stream. The cache is never trusted blindly: before deciding, the engine asks the store for the events after the
/// cached version (<see cref="IWorkflowStore.ReadStreamAfterAsync"/>) and folds them in, so commands of other engine
/// instances or processes on the same store are always seen; a command decided on a version that moved meanwhile is
/// refused by the store's expected-version check, and the engine then catches its cache up before reporting the
/// conflict. <see cref="GetAsync"/> always reads the whole stream from the store (the authoritative read).</para>
/// <para>Checks beyond the table: before deciding, the engine finds whether the report the submission feeds
/// (<see cref="Assignment.FeedsInto"/>) has been accepted by the level above (then the submission is locked), and
/// whether data entry is still open under the regime's <see cref="WorkflowPolicy.EntryClosesAfterWorkingDays"/> and
/// any <see cref="LockException"/>.</para>
/// </remarks>
public sealed class WorkflowEngine
{
    private readonly IWorkflowStore _store;
    private readonly IClock _clock;
    private readonly Dictionary<string, WorkflowPolicy> _policies;
    private readonly WorkflowPolicy _defaultPolicy;
    private readonly Dictionary<WorkflowPolicy, StateMachine<SubmissionState, WorkflowTrigger, LifecycleContext>> _machines = [];
    private readonly Dictionary<string, (WorkflowPolicy Policy, StateMachine<SubmissionState, WorkflowTrigger, LifecycleContext> Machine)> _regimes =
        new(StringComparer.Ordinal);
    private readonly WorkingCalendar _calendar;
    private readonly DateTimeZone _zone;
    // Keyed by identity, not stream id: a command names its submission, and the stream id is text made on demand.
    private readonly ConcurrentDictionary<SubmissionId, Submission> _cache = new();
    private readonly int _cacheCapacity;
    private readonly SignatureTrust _signatureTrust;
    private int _cacheCount;

    /// <summary>Creates an engine; the lifecycle machine of every policy is built (and checked) now.</summary>
    /// <param name="store">The event store.</param>
    /// <param name="clock">The clock that stamps events.</param>
    /// <param name="options">The settings; defaults when null.</param>
    /// <exception cref="ArgumentNullException">The store or clock is null.</exception>
    /// <exception cref="KtxhException">A policy gives an invalid lifecycle table.</exception>
    public WorkflowEngine(IWorkflowStore store, IClock clock, WorkflowEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new WorkflowEngineOptions();
        _store = store;
        _clock = clock;
        _policies = new Dictionary<string, WorkflowPolicy>(options.Policies, StringComparer.Ordinal);
        _defaultPolicy = options.DefaultPolicy ?? WorkflowPolicy.Default;
        _calendar = options.Calendar ?? WorkingCalendar.VietnamCivilService;
        _zone = options.TimeZone ?? DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
        _cacheCapacity = Math.Max(0, options.StreamCacheCapacity);
        _signatureTrust = options.SignatureTrust ?? SignatureTrust.System;
        foreach (WorkflowPolicy p in _policies.Values.Append(_defaultPolicy))
        {
            if (!_machines.ContainsKey(p))
            {
                _machines[p] = SubmissionLifecycle.Build(p);
            }
        }

        foreach ((string regime, WorkflowPolicy p) in _policies)
        {
            _regimes[regime] = (p, _machines[p]);
        }
    }

    /// <summary>The store.</summary>
    public IWorkflowStore Store => _store;

    /// <summary>The working calendar.</summary>
    public WorkingCalendar Calendar => _calendar;

    /// <summary>The time zone in which days are counted.</summary>
    public DateTimeZone TimeZone => _zone;

    /// <summary>Today in the engine's time zone.</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(_zone).Date;

    /// <summary>The policy of a regime.</summary>
    /// <param name="regime">The regime name.</param>
    /// <returns>The policy (the default one when the regime is not listed).</returns>
    public WorkflowPolicy PolicyFor(string regime) => _policies.GetValueOrDefault(regime ?? "", _defaultPolicy);

    /// <summary>The lifecycle machine of a regime.</summary>
    /// <param name="regime">The regime name.</param>
    /// <returns>The machine.</returns>
    public StateMachine<SubmissionState, WorkflowTrigger, LifecycleContext> MachineFor(string regime) => _machines[PolicyFor(regime)];

    // The policy and machine of a regime in one look-up of the name (a policy is a record: hashing it per command costs).
    private (WorkflowPolicy Policy, StateMachine<SubmissionState, WorkflowTrigger, LifecycleContext> Machine) RegimeOf(string regime) =>
        _regimes.TryGetValue(regime ?? "", out var found) ? found : (_defaultPolicy, _machines[_defaultPolicy]);

    /// <summary>
    /// Assigns a form (giao biểu): creates the submission in <see cref="SubmissionState.NotStarted"/>. Only an
    /// aggregator or administrator of the receiving unit may assign.
    /// </summary>
    /// <param name="actor">Who assigns.</param>
    /// <param name="assignment">The assignment.</param>
    /// <param name="commandId">The command id (idempotency key).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The new submission, or why not.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<KtxhResult<Submission>> AssignAsync(Actor actor, Assignment assignment, Guid commandId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(assignment);
        SubmissionId id = assignment.Submission;
        string stream = id.StreamId;
        KtxhResult<Submission> result = await AssignCoreAsync(actor, assignment, commandId, id, stream, cancellationToken).ConfigureAwait(false);
        return result.Success ? result : await ReplayAsync(commandId, stream, WorkflowTrigger.Assign, cancellationToken).ConfigureAwait(false) ?? result;
    }

    private async Task<KtxhResult<Submission>> AssignCoreAsync(Actor actor, Assignment assignment, Guid commandId, SubmissionId id, string stream,
        CancellationToken cancellationToken)
    {
        var errors = new List<KtxhError>();
        if (!actor.HasAny(WorkflowRole.Aggregator | WorkflowRole.Administrator))
        {
            errors.Add(Refused(WorkflowErrorCode.RoleMissing, actor, WorkflowTrigger.Assign, id, null,
                "tài khoản phải có quyền tổng hợp hoặc quản trị", "the account needs the aggregator or administrator role"));
        }

        if (actor.UnitCode != assignment.ReceivingUnitCode)
        {
            errors.Add(Refused(WorkflowErrorCode.OutOfScope, actor, WorkflowTrigger.Assign, id, null,
                $"chỉ đơn vị nhận báo cáo ({assignment.ReceivingUnitCode}) được giao biểu", $"only the receiving unit ({assignment.ReceivingUnitCode}) assigns"));
        }

        // Streams never shrink: a cached stream exists; otherwise one cheap read (usually empty) tells.
        if (_cache.ContainsKey(id) || (await _store.ReadStreamAfterAsync(stream, 0, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            errors.Add(Refused(WorkflowErrorCode.AlreadyAssigned, actor, WorkflowTrigger.Assign, id, null,
                "báo cáo này đã được giao", "this report is already assigned"));
        }

        if (errors.Count > 0)
        {
            return KtxhResult<Submission>.ForErrors(errors);
        }

        var e = new WorkflowEvent
        {
            CommandId = commandId,
            Trigger = WorkflowTrigger.Assign,
            StreamId = stream,
            ActorUserName = actor.UserName,
            ActorUnitCode = actor.UnitCode,
            ActorRoles = actor.Roles,
            Time = _clock.GetCurrentInstant(),
            To = SubmissionState.NotStarted,
            Assignment = assignment,
        };
        return await AppendAsync(null, Submission.FromEvents([e]), e, null, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Executes a command through the lifecycle table.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The submission after the command, or every reason it was refused (nothing changed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public async Task<KtxhResult<Submission>> ExecuteAsync(WorkflowCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);
        KtxhResult<Submission> result = await ExecuteCoreAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.Success || result.Errors.Any(x => x.Is(WorkflowErrorCode.DuplicateCommandId)))
        {
            return result;
        }

        // A refused command whose id is already recorded elsewhere is a retry or a reused id: it is answered as
        // before the cache existed (the id is looked up only on this rare path, not before every command).
        return await ReplayAsync(command.CommandId, command.Submission.StreamId, command.Trigger, cancellationToken).ConfigureAwait(false) ?? result;
    }

    private async ValueTask<KtxhResult<Submission>> ExecuteCoreAsync(WorkflowCommand command, CancellationToken cancellationToken)
    {
        Decided d = await DecideAsync(command, cancellationToken).ConfigureAwait(false);
        return d.Event is null
            ? d.Final!
            : await AppendAsync(d.Before, d.Next!, d.Event, command.Signer, command.Submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The decision on a command, shared by <see cref="ExecuteAsync"/> and <see cref="CheckAsync"/>: either a final
    /// answer (a refusal, or the submission when the command id is already recorded on it) with no event, or the
    /// event to append with the submissions before and after it.
    /// </summary>
    private readonly record struct Decided(KtxhResult<Submission>? Final, Submission? Before, Submission? Next, WorkflowEvent? Event)
    {
        /// <summary>The answer: the final one, or the submission after the event.</summary>
        public KtxhResult<Submission> Result => Final ?? KtxhResult.ForValue(Next!);

        public static implicit operator Decided(KtxhResult<Submission> final) => new(final, null, null, null);
    }

    private async ValueTask<Decided> DecideAsync(WorkflowCommand command, CancellationToken cancellationToken)
    {
        SubmissionId id = command.Submission;
        Actor actor = command.Actor;
        if (command.Trigger is WorkflowTrigger.Assign or WorkflowTrigger.GrantLockException || !Enum.IsDefined(command.Trigger))
        {
            return KtxhResult<Submission>.ForError(Refused(WorkflowErrorCode.InvalidArgument, actor, command.Trigger, id, null,
                "lệnh này có phương thức riêng (AssignAsync, GrantLockExceptionAsync)", "this command has its own method (AssignAsync, GrantLockExceptionAsync)"));
        }

        Loaded loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (loaded.Value is not { } submission)
        {
            return loaded.Failure!;
        }

        // Idempotency within the stream: the history holds every command id recorded on it.
        IReadOnlyList<WorkflowEvent> history = submission.Events;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].CommandId == command.CommandId)
            {
                return history[i].Trigger == command.Trigger
                    ? KtxhResult.ForValue(submission)
                    : KtxhResult<Submission>.ForError(DuplicateCommand(null, command.Trigger, command.CommandId));
            }
        }

        if (command.ExpectedVersion is { } expected && expected != submission.Version)
        {
            return KtxhResult<Submission>.ForError(Refused(WorkflowErrorCode.ConcurrencyConflict, actor, command.Trigger, id, submission.State,
                $"báo cáo đã thay đổi (phiên bản {submission.Version}, người dùng thấy phiên bản {expected}); hãy tải lại",
                $"the submission changed (version {submission.Version}, the user saw version {expected}); reload"));
        }

        (WorkflowPolicy policy, var machine) = RegimeOf(submission.Assignment.Regime);
        StreamKeys keys = submission.Keys;
        bool locked = await IsLockedCoreAsync(keys.FeedsInto, keys, cancellationToken).ConfigureAwait(false);
        bool entryOpen = command.Trigger != WorkflowTrigger.EnterValues
            || await IsEntryOpenCoreAsync(submission.Assignment, policy, cancellationToken).ConfigureAwait(false);
        var context = new LifecycleContext(actor, submission, policy, command.Reason, command.Content, locked, entryOpen);
        var decision = machine.Decide(submission.State, command.Trigger, context);
        if (!decision.IsDefined)
        {
            var allowed = machine.DefinedTriggers(submission.State);
            string list = allowed.Count == 0 ? "—" : string.Join(", ", allowed);
            return KtxhResult<Submission>.ForError(Refused(WorkflowErrorCode.TransitionNotPermitted, actor, command.Trigger, id, submission.State,
                $"không được phép ở trạng thái \"{RoleNames.Vietnamese(submission.State)}\" (được phép: {list})",
                $"not permitted in state {submission.State} (permitted: {list})"));
        }

        if (!decision.IsPermitted)
        {
            return GuardsRefused(decision.FailedGuards, actor, command.Trigger, id, submission.State);
        }

        if (command.Trigger != WorkflowTrigger.EnterValues && command.Content is not null)
        {
            return KtxhResult<Submission>.ForError(Refused(WorkflowErrorCode.InvalidContent, actor, command.Trigger, id, submission.State,
                "chỉ lệnh nhập số liệu mang số liệu (dữ liệu chỉ được sửa khi đang nhập)", "only data entry carries content (data is edited only in draft)"));
        }

        SubmissionState to = decision.Transition!.Destination;
        string? reason = command.Reason;
        if (command.Trigger == WorkflowTrigger.GrantReopen && string.IsNullOrWhiteSpace(reason))
        {
            reason = submission.Events.LastOrDefault(x => x.Trigger == WorkflowTrigger.RequestReopen)?.Reason;
        }

        // The revisions after the step first, so that the event is made once with its revision and content hash.
        Instant time = _clock.GetCurrentInstant();
        SubmissionRevision[] revisions = submission.Revise(command.Trigger, to, command.Content, actor.UserName, time, reason);
        SubmissionRevision? current = revisions.Length == 0 ? null : revisions[^1];
        var e = new WorkflowEvent
        {
            CommandId = command.CommandId,
            Trigger = command.Trigger,
            StreamId = StreamOf(submission, id),
            ActorUserName = actor.UserName,
            ActorUnitCode = actor.UnitCode,
            ActorRoles = actor.Roles,
            Time = time,
            From = submission.State,
            To = to,
            Revision = current?.Number ?? 0,
            Reason = reason,
            ContentSha256 = current?.ContentSha256,
            Content = command.Content,
        };
        return new Decided(null, submission, submission.Append(e, revisions), e);
    }

    /// <summary>
    /// Answers whether <see cref="ExecuteAsync"/> would accept a command now, without executing it (a dry run):
    /// the same lifecycle table, guards, locks, entry window, idempotency and expected-version checks, and on refusal
    /// the same bilingual reasons (who, what, why). Nothing is written to the store.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The submission as it would be after the command (or as it is, when the command id is already
    /// recorded on it), or every reason the command would be refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <remarks>
    /// <para>An answer, not a reservation: another writer may change the submission between the check and the
    /// execution; set <see cref="WorkflowCommand.ExpectedVersion"/> to the version checked so that the execution is
    /// then refused with <see cref="WorkflowErrorCode.ConcurrencyConflict"/> instead of acting on a state the user
    /// did not see. A command with a <see cref="WorkflowCommand.Signer"/> is signed as a test of the certificate's
    /// private key (the signature is discarded).</para>
    /// <para>Reads may refresh the engine's stream cache; the store is never written.</para>
    /// </remarks>
    public async Task<KtxhResult<Submission>> CheckAsync(WorkflowCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);
        string stream = command.Submission.StreamId;
        Decided d = await DecideAsync(command, cancellationToken).ConfigureAwait(false);
        KtxhResult<Submission> result = d.Result;
        if (d.Event is not null)
        {
            // The one refusal left to the append: a certificate that cannot sign.
            KtxhResult<PendingEvent> pending = PendingEvent.Create(d.Event, command.Signer);
            if (!pending.Success)
            {
                result = pending.ConvertError<Submission>();
            }
            else if (await _store.FindByCommandAsync(command.CommandId, cancellationToken).ConfigureAwait(false) is not null)
            {
                // The id is recorded on another stream (the store would refuse the append): answered as a retry is.
                return await ReplayAsync(command.CommandId, stream, command.Trigger, cancellationToken).ConfigureAwait(false) ?? result;
            }
        }

        if (result.Success || result.Errors.Any(x => x.Is(WorkflowErrorCode.DuplicateCommandId)))
        {
            return result;
        }

        return await ReplayAsync(command.CommandId, stream, command.Trigger, cancellationToken).ConfigureAwait(false) ?? result;
    }

    /// <summary>
    /// Grants one unit an exception to the closing of data entry for one period (with a reason and an end date).
    /// Only an aggregator of a unit that receives a submission of that unit and period may grant it.
    /// </summary>
    /// <param name="actor">The aggregator.</param>
    /// <param name="exception">The exception.</param>
    /// <param name="commandId">The command id (idempotency key).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The exception granted, or why not.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<KtxhResult<LockException>> GrantLockExceptionAsync(Actor actor, LockException exception, Guid commandId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(exception);
        string stream = LockException.StreamIdFor(exception.UnitCode, exception.Period);
        if (await _store.FindByCommandAsync(commandId, cancellationToken).ConfigureAwait(false) is { } done)
        {
            return done.StreamId == stream && done.ReadEvent() is { Success: true } r && r.Value.LockException is { } granted
                ? KtxhResult.ForValue(granted)
                : KtxhResult<LockException>.ForError(DuplicateCommand(actor, WorkflowTrigger.GrantLockException, commandId));
        }

        var errors = new List<KtxhError>();
        string who = actor.ToString();
        void Refuse(WorkflowErrorCode code, string vi, string en) => errors.Add(KtxhError.Create(code, ErrorLocation.AtField(stream),
            $"{who} không thể cho phép ngoại lệ khóa nhập liệu cho {exception.UnitCode} kỳ {exception.Period.Id}: {vi}.",
            $"{who} cannot grant {exception.UnitCode} an entry-lock exception for {exception.Period.Id}: {en}."));
        if (!actor.HasAny(WorkflowRole.Aggregator))
        {
            Refuse(WorkflowErrorCode.RoleMissing, "tài khoản phải có quyền tổng hợp", "the account needs the aggregator role");
        }

        var received = await _store.QueryAsync(new SubmissionQuery { UnitCode = exception.UnitCode, Period = exception.Period, ReceivingUnitCode = actor.UnitCode },
            cancellationToken).ConfigureAwait(false);
        if (received.Count == 0)
        {
            Refuse(WorkflowErrorCode.OutOfScope, "đơn vị này không gửi báo cáo kỳ này cho đơn vị của tài khoản",
                "that unit sends no report of that period to the account's unit");
        }

        if (string.IsNullOrWhiteSpace(exception.Reason))
        {
            Refuse(WorkflowErrorCode.ReasonRequired, "phải nêu lý do", "a reason is required");
        }

        if (exception.Until < Today)
        {
            Refuse(WorkflowErrorCode.InvalidArgument, $"ngày kết thúc {exception.Until:uuuu-MM-dd} đã qua", $"the end date {exception.Until:uuuu-MM-dd} is past");
        }

        if (errors.Count > 0)
        {
            return KtxhResult<LockException>.ForErrors(errors);
        }

        IReadOnlyList<StoredEvent> existing = await _store.ReadStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        var e = new WorkflowEvent
        {
            CommandId = commandId,
            Trigger = WorkflowTrigger.GrantLockException,
            StreamId = stream,
            ActorUserName = actor.UserName,
            ActorUnitCode = actor.UnitCode,
            ActorRoles = actor.Roles,
            Time = _clock.GetCurrentInstant(),
            Reason = exception.Reason,
            LockException = exception,
        };
        var pending = PendingEvent.Create(e);
        var appended = await _store.AppendAsync(stream, existing.Count, [pending.Value], null, cancellationToken).ConfigureAwait(false);
        return appended.Success ? KtxhResult.ForValue(exception) : appended.ConvertError<LockException>();
    }

    /// <summary>Reads a submission.</summary>
    /// <param name="id">The submission.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The submission, or <see cref="WorkflowErrorCode.UnknownSubmission"/> / <see cref="WorkflowErrorCode.EventUnreadable"/>
    /// (an event that cannot be read, or events that do not form a history).</returns>
    /// <remarks>Always the whole stream from the store (a stream changed behind the store's back shows here); the
    /// result also refreshes the engine's cache.</remarks>
    public async Task<KtxhResult<Submission>> GetAsync(SubmissionId id, CancellationToken cancellationToken = default)
    {
        string stream = id.StreamId;
        KtxhResult<Submission> read = Fold(id, stream, await _store.ReadStreamAsync(stream, cancellationToken).ConfigureAwait(false));
        if (read.TryGetValue(out Submission? s))
        {
            Remember(id, s);
        }
        else
        {
            Forget(id);
        }

        return read;
    }

    /// <summary>A submission read (<see cref="Value"/>), or why it cannot be (<see cref="Failure"/>); no result object
    /// is made on the common path.</summary>
    private readonly record struct Loaded(Submission? Value, KtxhResult<Submission>? Failure)
    {
        public KtxhResult<Submission> Result => Failure ?? KtxhResult.ForValue(Value!);
    }

    /// <summary>The cached submission caught up with the store, or a full read when it is not cached.</summary>
    private ValueTask<Loaded> LoadAsync(SubmissionId id, CancellationToken cancellationToken) =>
        LoadAsync(id, _cache.GetValueOrDefault(id), cancellationToken);

    /// <param name="id">The submission.</param>
    /// <param name="cached">What the cache held for it a moment ago (looked up once by the caller), or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    private async ValueTask<Loaded> LoadAsync(SubmissionId id, Submission? cached, CancellationToken cancellationToken)
    {
        if (cached is not null)
        {
            IReadOnlyList<StoredEvent> newer = await _store.ReadStreamAfterAsync(StreamOf(cached, id), cached.Version, cancellationToken).ConfigureAwait(false);
            if (newer.Count == 0)
            {
                return new Loaded(cached, null);
            }

            if (CatchUp(cached, newer) is { } caught)
            {
                Remember(id, caught);
                return new Loaded(caught, null);
            }
        }

        // Not cached, or the newer events do not continue the cached history: fold the whole stream.
        string stream = id.StreamId;
        KtxhResult<Submission> read = Fold(id, stream, await _store.ReadStreamAfterAsync(stream, 0, cancellationToken).ConfigureAwait(false));
        if (read.TryGetValue(out Submission? s))
        {
            Remember(id, s);
            return new Loaded(s, null);
        }

        Forget(id);
        return new Loaded(null, read);
    }

    // The stream id made once per submission, when the submission is the one asked for (always, unless a stored
    // history names another submission in its assignment: then the id asked for decides, as it always did).
    private static string StreamOf(Submission s, SubmissionId id) => s.Assignment.Submission == id ? s.Keys.StreamId : id.StreamId;

    private static Submission? CatchUp(Submission cached, IReadOnlyList<StoredEvent> newer)
    {
        Submission s = cached;
        foreach (StoredEvent stored in newer)
        {
            if (stored.StreamVersion != s.Version + 1 || !stored.ReadEvent().TryGetValue(out WorkflowEvent? e) || e.To is null
                || e.Trigger == WorkflowTrigger.Assign || (e.Content is null && e.Trigger == WorkflowTrigger.EnterValues))
            {
                return null;
            }

            s = s.With(e);
        }

        return s;
    }

    private void Remember(SubmissionId id, Submission s)
    {
        if (_cacheCapacity == 0)
        {
            return;
        }

        // The newer of the two versions wins (without the closures of AddOrUpdate, on every command's path).
        while (true)
        {
            if (_cache.TryGetValue(id, out Submission? old))
            {
                if (old.Version > s.Version || ReferenceEquals(old, s) || _cache.TryUpdate(id, s, old))
                {
                    return;
                }
            }
            else if (_cache.TryAdd(id, s))
            {
                break;
            }
        }

        if (Interlocked.Increment(ref _cacheCount) > _cacheCapacity)
        {
            // Full: start again (a bound on memory, not an LRU; every entry is re-read from the store on demand).
            _cache.Clear();
            Interlocked.Exchange(ref _cacheCount, 0);
        }
    }

    private void Forget(SubmissionId id)
    {
        if (_cache.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref _cacheCount);
        }
    }

    private static KtxhResult<Submission> Fold(SubmissionId id, string stream, IReadOnlyList<StoredEvent> stored)
    {
        if (stored.Count == 0)
        {
            return KtxhResult<Submission>.ForError(KtxhError.Create(WorkflowErrorCode.UnknownSubmission, ErrorLocation.AtField(stream),
                $"Không có báo cáo {id} (chưa được giao).", $"There is no submission {id} (it was never assigned)."));
        }

        var events = new List<WorkflowEvent>(stored.Count);
        foreach (StoredEvent s in stored)
        {
            KtxhResult<WorkflowEvent> read = s.ReadEvent();
            if (!read.Success)
            {
                return read.ConvertError<Submission>();
            }

            events.Add(read.Value);
        }

        try
        {
            return KtxhResult.ForValue(Submission.FromEvents(events));
        }
        catch (ArgumentException ex)
        {
            // Readable events that do not form a history (a stream changed in storage): reported, never thrown.
            return KtxhResult<Submission>.ForError(KtxhError.Create(WorkflowErrorCode.EventUnreadable, ErrorLocation.AtField(stream),
                $"Lịch sử của báo cáo {id} không hợp lệ: các sự kiện không nối tiếp nhau (phiên bản, thứ tự hoặc báo cáo không khớp; trường {ex.ParamName})",
                $"The history of submission {id} is invalid: its events do not follow each other (version, order or submission differ; field {ex.ParamName})"));
        }
    }

    /// <summary>Reads every submission matching a query.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The submissions, ordered by stream id (unreadable ones are skipped; <see cref="AuditChain.Verify(IEnumerable{StoredEvent}, AuditAnchor?, SignatureTrust)"/>
    /// reports them).</returns>
    public async Task<IReadOnlyList<Submission>> FindAsync(SubmissionQuery query, CancellationToken cancellationToken = default)
    {
        var entries = await _store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var list = new List<Submission>(entries.Count);
        foreach (SubmissionIndexEntry entry in entries)
        {
            if ((await GetAsync(entry.Submission, cancellationToken).ConfigureAwait(false)).TryGetValue(out Submission? s))
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>Verifies the whole store's audit chain (see <see cref="AuditChain.Verify(IEnumerable{StoredEvent}, AuditAnchor?, SignatureTrust)"/>).</summary>
    /// <param name="anchor">A head saved earlier, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summary, or every problem found.</returns>
    /// <remarks>Signatures are checked against <see cref="WorkflowEngineOptions.SignatureTrust"/>.</remarks>
    public async Task<KtxhResult<AuditChainSummary>> VerifyAuditChainAsync(AuditAnchor? anchor = null, CancellationToken cancellationToken = default) =>
        AuditChain.Verify(await _store.ReadAllAsync(1, cancellationToken).ConfigureAwait(false), anchor, _signatureTrust);

    /// <summary>Whether the report a submission feeds has been accepted by the level above (the submission is locked).</summary>
    /// <param name="assignment">The submission's assignment.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when locked.</returns>
    public async Task<bool> IsLockedByHigherLevelAsync(Assignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        SubmissionId above = assignment.FeedsInto;
        return await IsLockedCoreAsync(above, null, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="above">The report the submission feeds.</param>
    /// <param name="keys">The submission's keys (the report's stream id made once), or null to make it here.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    private async ValueTask<bool> IsLockedCoreAsync(SubmissionId above, StreamKeys? keys, CancellationToken cancellationToken)
    {
        if (!_cache.TryGetValue(above, out Submission? cached))
        {
            // Most reports above are not assigned yet, or not cached: one read, usually empty.
            string stream = keys?.FeedsIntoStreamId ?? above.StreamId;
            IReadOnlyList<StoredEvent> all = await _store.ReadStreamAfterAsync(stream, 0, cancellationToken).ConfigureAwait(false);
            if (all.Count == 0)
            {
                return false;
            }

            KtxhResult<Submission> folded = Fold(above, stream, all);
            if (folded.TryGetValue(out Submission? s))
            {
                Remember(above, s);
                return s.IsAccepted;
            }

            return LastStateAccepted(all);
        }

        Loaded loaded = await LoadAsync(above, cached, cancellationToken).ConfigureAwait(false);
        return loaded.Value is { } report
            ? report.IsAccepted
            : LastStateAccepted(await _store.ReadStreamAsync(keys?.FeedsIntoStreamId ?? above.StreamId, cancellationToken).ConfigureAwait(false));
    }

    // A report above whose history does not fold still locks when its last readable event says accepted.
    private static bool LastStateAccepted(IReadOnlyList<StoredEvent> above) =>
        above.Count > 0 && above[^1].ReadEvent() is { Success: true } last && last.Value.To is { } state && SubmissionLifecycle.IsAccepted(state);

    /// <summary>Whether data entry is open today for an assignment (see <see cref="WorkflowPolicy.EntryClosesAfterWorkingDays"/>).</summary>
    /// <param name="assignment">The assignment.</param>
    /// <param name="policy">The regime's policy.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when open.</returns>
    public async Task<bool> IsEntryOpenAsync(Assignment assignment, WorkflowPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(policy);
        return await IsEntryOpenCoreAsync(assignment, policy, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<bool> IsEntryOpenCoreAsync(Assignment assignment, WorkflowPolicy policy, CancellationToken cancellationToken)
    {
        if (policy.EntryClosesAfterWorkingDays is not { } days)
        {
            return true;
        }

        LocalDate today = Today;
        if (today <= _calendar.AddWorkingDays(assignment.DueDate, days))
        {
            return true;
        }

        var exceptions = await _store.ReadStreamAsync(LockException.StreamIdFor(assignment.Submission.UnitCode, assignment.Submission.Period),
            cancellationToken).ConfigureAwait(false);
        return exceptions.Any(x => x.ReadEvent() is { Success: true } r && r.Value.LockException is { } l && l.Until >= today);
    }

    private async ValueTask<KtxhResult<Submission>> AppendAsync(Submission? before, Submission after, WorkflowEvent e,
        System.Security.Cryptography.X509Certificates.X509Certificate2? signer, SubmissionId id, CancellationToken cancellationToken)
    {
        PendingEvent pending;
        if (signer is null)
        {
            pending = PendingEvent.Unsigned(e);
        }
        else
        {
            KtxhResult<PendingEvent> signed = PendingEvent.Create(e, signer);
            if (!signed.TryGetValue(out PendingEvent? p))
            {
                return signed.ConvertError<Submission>();
            }

            pending = p;
        }

        string stream = StreamOf(after, id);
        var index = new SubmissionIndexEntry(id, after.Assignment.ReceivingUnitCode, after.State, after.Version, after.Assignment.DueDate, e.Time);
        var appended = await _store.AppendAsync(stream, before?.Version ?? 0, [pending], index, cancellationToken).ConfigureAwait(false);
        if (appended.Success)
        {
            // Usually the cache still holds the submission the command was decided on: one swap.
            if (_cacheCapacity == 0 || before is null || !_cache.TryUpdate(id, after, before))
            {
                Remember(id, after);
            }

            return KtxhResult.ForValue(after);
        }

        if (appended.Errors.Any(x => x.Is(WorkflowErrorCode.DuplicateCommandId))
            && await ReplayAsync(e.CommandId, stream, e.Trigger, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        if (appended.Errors.Any(x => x.Is(WorkflowErrorCode.ConcurrencyConflict)))
        {
            // Someone else appended first: catch the cache up now, so the caller's retry decides on the new state.
            await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return AppendRefused(appended.Errors, e, id, before?.State);
    }

    // The refusals are put together outside the async methods: a lambda there would capture the method's locals in
    // a closure allocated on every call, refused or not.
    private static KtxhResult<Submission> GuardsRefused(IReadOnlyList<Guard<LifecycleContext>> failed, Actor actor, WorkflowTrigger trigger,
        SubmissionId id, SubmissionState state) =>
        KtxhResult<Submission>.ForErrors(failed.Select(g => Refused(g.Code, actor, trigger, id, state, g.DescriptionVi, g.DescriptionEn)));

    private static KtxhResult<Submission> AppendRefused(IReadOnlyList<KtxhError> errors, WorkflowEvent e, SubmissionId id, SubmissionState? before) =>
        KtxhResult<Submission>.ForErrors(errors.Select(x => x.Is(WorkflowErrorCode.ConcurrencyConflict)
            ? Refused(WorkflowErrorCode.ConcurrencyConflict, null, e.Trigger, id, before,
                $"người khác đã thay đổi báo cáo trước ({x.MessageVi})", $"someone changed the submission first ({x.MessageEn})", e.ActorUserName, e.ActorUnitCode)
            : x));

    private async Task<KtxhResult<Submission>?> ReplayAsync(Guid commandId, string streamId, WorkflowTrigger trigger, CancellationToken cancellationToken)
    {
        StoredEvent? done = await _store.FindByCommandAsync(commandId, cancellationToken).ConfigureAwait(false);
        if (done is null)
        {
            return null;
        }

        if (done.StreamId == streamId && done.ReadEvent() is { Success: true } r && r.Value.Trigger == trigger
            && SubmissionId.TryParseStreamId(streamId, out SubmissionId id))
        {
            return await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return KtxhResult<Submission>.ForError(DuplicateCommand(null, trigger, commandId));
    }

    private static KtxhError DuplicateCommand(Actor? actor, WorkflowTrigger trigger, Guid commandId) =>
        KtxhError.Create(WorkflowErrorCode.DuplicateCommandId, ErrorLocation.AtField(commandId.ToString("D")),
            $"{actor?.ToString() ?? "Lệnh"} ({RoleNames.Vietnamese(trigger)}): mã lệnh {commandId} đã dùng cho một lệnh khác.",
            $"{actor?.ToString() ?? "Command"} ({trigger}): command id {commandId} was already used for another command.");

    private static KtxhError Refused(WorkflowErrorCode code, Actor? actor, WorkflowTrigger trigger, SubmissionId id, SubmissionState? state,
        string whyVi, string whyEn, string? userName = null, string? unitCode = null)
    {
        string who = actor?.ToString() ?? $"{userName} ({unitCode})";
        string stateVi = state is { } s ? $" (trạng thái \"{RoleNames.Vietnamese(s)}\")" : "";
        string stateEn = state is { } t ? $" (state {t})" : "";
        return KtxhError.Create(code, ErrorLocation.AtField(id.StreamId),
            $"{who} không thể {RoleNames.Vietnamese(trigger)} báo cáo {id}{stateVi}: {whyVi}.",
            $"{who} cannot {trigger} submission {id}{stateEn}: {whyEn}.");
    }
}
