namespace Ktxh.Workflow;

/// <summary>
/// What went wrong in the workflow: the code of every <see cref="KtxhError"/> this package returns. A refused command
/// changes nothing; its error says who tried what and why, in Vietnamese and English.
/// </summary>
public enum WorkflowErrorCode
{
    /// <summary>The command is not a transition of the lifecycle from the submission's current state.</summary>
    TransitionNotPermitted = 1,

    /// <summary>The actor does not hold the role the command needs (QĐ 690/QĐ-UBND 2025 Điều 7, 10, seed 002).</summary>
    RoleMissing = 2,

    /// <summary>The actor's unit may not act on this submission (a unit acts on its own submissions, an aggregator on
    /// those sent to it; the aggregator never edits another unit's data, Điều 15.2).</summary>
    OutOfScope = 3,

    /// <summary>The form is not among the forms assigned to the actor.</summary>
    FormNotAssignedToActor = 4,

    /// <summary>Segregation of duties: whoever entered a revision (or took the first acceptance step) may not approve
    /// (or complete the acceptance of) it.</summary>
    SegregationOfDuties = 5,

    /// <summary>The command needs a reason and none was given.</summary>
    ReasonRequired = 6,

    /// <summary>A higher level has accepted the report this submission feeds; it is locked until that acceptance is
    /// undone.</summary>
    LockedByHigherLevel = 7,

    /// <summary>Data entry closed a set number of working days after the deadline, and no lock exception is active.</summary>
    EntryClosed = 8,

    /// <summary>Another command changed the submission first (optimistic concurrency); reload and retry.</summary>
    ConcurrencyConflict = 9,

    /// <summary>No submission (assignment) exists with this identity.</summary>
    UnknownSubmission = 10,

    /// <summary>The submission is already assigned.</summary>
    AlreadyAssigned = 11,

    /// <summary>The command id was already used for another command.</summary>
    DuplicateCommandId = 12,

    /// <summary>The command carries no content where content is needed, or content where none is allowed.</summary>
    InvalidContent = 13,

    /// <summary>An argument of a command is invalid (an empty code, an end date in the past…).</summary>
    InvalidArgument = 14,

    /// <summary>The state machine's configuration is invalid or ambiguous.</summary>
    InvalidConfiguration = 15,

    /// <summary>A stored event's hash does not match its bytes (the event was changed).</summary>
    EventHashMismatch = 16,

    /// <summary>The chain link to the previous event does not match (an event was removed, inserted or reordered).</summary>
    ChainBroken = 17,

    /// <summary>Positions or stream versions are not consecutive (an event was removed, inserted or reordered).</summary>
    SequenceBroken = 18,

    /// <summary>A stored event cannot be read.</summary>
    EventUnreadable = 19,

    /// <summary>An event's signature does not verify against its certificate.</summary>
    SignatureInvalid = 20,

    /// <summary>The certificate has no usable RSA or ECDSA private key for signing.</summary>
    CertificateUnusable = 21,

    /// <summary>The store's head does not match the anchor saved earlier (events were removed from the end).</summary>
    AnchorMismatch = 22,

    /// <summary>A form cannot be assigned (it has no deadline rule, or its period type has no yearly schedule).</summary>
    FormNotAssignable = 23,

    /// <summary>A signing certificate does not chain to a trusted authority (<see cref="SignatureTrust"/>), or its
    /// revocation could not be checked under the configured revocation mode.</summary>
    CertificateUntrusted = 24,

    /// <summary>A signing certificate (or one above it in its chain) was not valid at the time of the event it signs
    /// (expired or not yet valid).</summary>
    CertificateNotValidAtEventTime = 25,

    /// <summary>A signing certificate (or one above it in its chain) is revoked.</summary>
    CertificateRevoked = 26,

    /// <summary>An event is signed by a certificate that is not the acting account's (see
    /// <see cref="SignatureTrust"/> for the rule).</summary>
    SignerNotActor = 27,
}
