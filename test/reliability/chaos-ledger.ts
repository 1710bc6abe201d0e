// What the chaos run's operations reported, so the emulator's final state can be audited
// against it: every page and property must be explained by an operation that reported it.
import { ConfluenceError, ConfluenceOutcomeUnknownError } from "../../src/core/index.js";

export interface TrackedPage {
  id: string;
  title: string;
  version: number;
  body: string;
  /** An update or delete of unknown outcome: version may be `version` or `version + 1`. */
  uncertain?: { version: number; title: string; body: string } | "delete";
  deleted: boolean;
  busy: boolean;
}

export interface TrackedProperty {
  id: string;
  pageId: string;
  key: string;
  version: number;
  value: unknown;
  uncertain?: { version: number; value: unknown } | "delete";
  deleted: boolean;
  busy: boolean;
}

export class ChaosLedger {
  readonly pages = new Map<string, TrackedPage>();
  readonly properties = new Map<string, TrackedProperty>();
  /** Titles / owner+key of creates whose outcome stayed unknown: at most one object each. */
  readonly unknownPageTitles = new Set<string>();
  readonly unknownPropertyKeys = new Set<string>();
  /** Creates that failed definitely: nothing may exist under these. */
  readonly failedPageTitles = new Set<string>();
  readonly failedPropertyKeys = new Set<string>();
  readonly operations = new Map<string, number>();
  readonly failures = new Map<string, number>();
  readonly untyped: unknown[] = [];

  count(operation: string): void {
    this.operations.set(operation, (this.operations.get(operation) ?? 0) + 1);
  }

  /** Records a failure by kind; anything that is not a typed ConfluenceError is a test failure. */
  fail(operation: string, error: unknown): void {
    if (!(error instanceof ConfluenceError)) {
      this.untyped.push(error);
      return;
    }
    const status = (error as { status?: number }).status;
    const kind = `${operation}: ${error.name}${status === undefined ? "" : ` ${status}`}`;
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }

  static isUnknown(error: unknown): boolean {
    return (
      error instanceof ConfluenceOutcomeUnknownError ||
      (error instanceof ConfluenceError &&
        (error as { outcomeUnknown?: boolean }).outcomeUnknown === true)
    );
  }

  livePages(): TrackedPage[] {
    return [...this.pages.values()].filter((p) => !p.deleted && !p.busy && !p.uncertain);
  }

  liveProperties(): TrackedProperty[] {
    return [...this.properties.values()].filter((p) => !p.deleted && !p.busy && !p.uncertain);
  }
}
