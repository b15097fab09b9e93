/** A command line the CLI cannot run as given: one line on stderr and exit code 2. */
export class UsageError extends Error {}
