/** Turns the data of one schema version of an event type into the next version's data. */
export type UpcastStep<TFrom = unknown, TTo = unknown> = (data: TFrom) => TTo;

/** An event's data brought to the current version of its type. */
export interface Upcasted {
  schemaVersion: number;
  data: unknown;
}

/**
 * Upgrades stored event data on read. Stored events are never rewritten, so every version ever
 * written must keep loading: each type has a chain of one-step upcasters (v1→v2, v2→v3, …) and
 * a current version, which is also the version new appends of that type are stamped with.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, UpcastStep>>();
  private readonly currents = new Map<string, number>();

  /**
   * Registers the step from `fromVersion` to `fromVersion + 1` of `type`. The current version
   * grows to at least `fromVersion + 1`.
   */
  register<TFrom, TTo>(type: string, fromVersion: number, step: UpcastStep<TFrom, TTo>): this {
    assertVersion(fromVersion);
    const byVersion = this.steps.get(type) ?? new Map<number, UpcastStep>();
    if (byVersion.has(fromVersion)) {
      throw new Error(`an upcaster of ${type} from v${fromVersion} is already registered`);
    }
    // The registry erases data types; each step is typed where it is written.
    byVersion.set(fromVersion, step as UpcastStep);
    this.steps.set(type, byVersion);
    this.currents.set(type, Math.max(this.currentVersion(type), fromVersion + 1));
    return this;
  }

  /**
   * Declares the current version of `type` explicitly: needed when a type is at v2 or later but
   * its old versions need no data change, or before any upcaster exists.
   */
  setCurrentVersion(type: string, version: number): this {
    assertVersion(version);
    this.currents.set(type, version);
    return this;
  }

  /** The version new events of `type` are written with (1 for types the registry does not know). */
  currentVersion(type: string): number {
    return this.currents.get(type) ?? 1;
  }

  /**
   * Brings `data` stored at `schemaVersion` to the current version. A version newer than the
   * current one (written by a newer deployment) is returned unchanged; a missing step throws,
   * because silently handing out old-shaped data would corrupt every fold downstream.
   */
  upcast(type: string, schemaVersion: number, data: unknown): Upcasted {
    const current = this.currentVersion(type);
    let version = schemaVersion;
    let value = data;
    while (version < current) {
      const step = this.steps.get(type)?.get(version);
      if (!step) {
        throw new Error(`no upcaster for ${type} from v${version} (current v${current})`);
      }
      value = step(value);
      version += 1;
    }
    return { schemaVersion: version, data: value };
  }
}

function assertVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1) {
    throw new RangeError(`schema versions are integers >= 1, got ${version}`);
  }
}
