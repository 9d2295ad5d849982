// Mistakes a user can make with a command (a folder, a setting, a second build at once): each is
// one error value with the file it concerns, the reason and what to do, printed as one line
// without a stack trace. Bad dumps are not errors of this kind: they go into the build report.

/** A command refused or stopped because of what the user asked for, not because of a bug. */
export class UserError extends Error {
  constructor(
    /** The file or folder the problem is in; empty when none applies. */
    readonly file: string,
    readonly reason: string,
    /** What the user can do about it. */
    readonly hint: string,
  ) {
    super(`${file ? `${file}: ` : ""}${reason}${hint ? ` (${hint})` : ""}`);
    this.name = "UserError";
  }
}
