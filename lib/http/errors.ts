// No 'server-only' and no imports: data modules throw these, route handlers
// answer them, and client code may import the classes for `instanceof`.

/**
 * An expected failure: its message is written for the person who sent the
 * request and `status` is the HTTP status that fits it. Data modules throw
 * subclasses (a note too long, an email taken); `route()` answers every one
 * with `{ error: message }` and logs nothing, because nothing went wrong on
 * our side.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
