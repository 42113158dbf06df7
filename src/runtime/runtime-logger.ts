/** Where a local runtime reports what it found worth telling (e.g. a behaviour key that matches nothing). */
export interface IRuntimeLogger {
  /** Called once per warning, as it is found. */
  warn(message: string): void;
}
