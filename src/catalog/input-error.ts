// Errors for bad inputs. Parsers throw `InvalidValue` (they do not know the input's label); the
// runner rethrows it as `InputError`, which names the input by its label. Both are raised before
// any request is built, so a bad input never reaches Confluence.
import { ConfluenceValidationError } from "../core/errors.js";

export class InvalidValue extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "InvalidValue";
  }
}

/** A ConfluenceValidationError, so callers catch every "nothing was sent" error the same way. */
export class InputError extends ConfluenceValidationError {
  readonly label: string;
  readonly reason: string;

  constructor(label: string, reason: string) {
    super(`Invalid input "${label}": ${reason}`);
    // `name` is an own field of ConfluenceError subclasses; this one keeps its own.
    this.name = "InputError";
    this.label = label;
    this.reason = reason;
  }
}

/** Quote a user value for an error message without dumping a whole document into it. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
