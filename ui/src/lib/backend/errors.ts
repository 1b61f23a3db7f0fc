// Every failure from the shell arrives as `{code, message}` (the engine's ErrorPayload).
// `BackendError` keeps both so the UI can branch on the code and show the message; the code is
// typed with the contract's `ErrorCode`, so a check for a code that does not exist fails
// `npm run check`.
import type { ErrorCode } from "./bindings/contract";
import type { ErrorPayload } from "./bindings/ErrorPayload";

export class BackendError extends Error {
  readonly code: ErrorCode;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "BackendError";
    // The payload says `string`; the shell only rejects with the codes `ErrorCode` lists.
    this.code = payload.code as ErrorCode;
  }

  /** Wraps whatever a rejected call produced; a bare string or Error becomes `app.unexpected`. */
  static from(raw: unknown): BackendError {
    if (raw instanceof BackendError) return raw;
    if (isPayload(raw)) return new BackendError(raw);
    const message = raw instanceof Error ? raw.message : String(raw);
    return new BackendError({ code: "app.unexpected", message });
  }
}

function isPayload(raw: unknown): raw is ErrorPayload {
  return (
    typeof raw === "object" &&
    raw !== null &&
    typeof (raw as ErrorPayload).code === "string" &&
    typeof (raw as ErrorPayload).message === "string"
  );
}
