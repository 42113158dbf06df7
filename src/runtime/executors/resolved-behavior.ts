/** One simulated attempt once its behaviour has decided it: what the simulated runner plays. Internal. */
export interface ResolvedBehavior {
  readonly exitCode: number;
  readonly durationMs: number;
  readonly logLines: readonly string[];
  readonly reason?: string;
  readonly ignoresSigterm: boolean;
}
