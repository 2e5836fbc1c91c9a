/**
 * The pure shape of a stream's behaviour (Emmett / Dudycz "decider"): fold past events into a
 * state, decide a command against it. No I/O and no imports of Nest, TypeORM or pg, so a
 * command's rules are tested in milliseconds as given events → when command → then events.
 */
export interface Decider<Command, State, Event extends DecidedEvent> {
  /** The state of a stream with no events. */
  initialState(): State;
  /** Applies one event; must be total over stored events (they are facts, never refused). */
  evolve(state: State, event: Event): State;
  /**
   * The events a command produces in a state; an empty list when there is nothing to record.
   * Throws a domain error when the command breaks a rule.
   */
  decide(command: Command, state: State): Event[];
}

/** What a decider's events look like: a type and its data (optionally a fixed id or version). */
export interface DecidedEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
  eventId?: string;
}

/** Folds events into a state with a decider's `evolve`, from `state` (default: the initial one). */
export function fold<Command, State, Event extends DecidedEvent>(
  decider: Decider<Command, State, Event>,
  events: readonly Event[],
  state: State = decider.initialState(),
): State {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}
