/** A state-changing request the endpoint accepted, as a durable endpoint journals it. */
export type AcceptedRequest =
  | { readonly api: 'batch'; readonly operation: string; readonly input: string }
  | { readonly api: 'local'; readonly method: string; readonly path: string; readonly query: string; readonly body: string };

/**
 * Where the server reports accepted requests (persistence/ implements it). The server calls
 * `beforeHandle` synchronously right before a handler runs, and after a state-changing handler
 * succeeded it awaits `accepted` before it sends the 200: the answer goes out only once the request
 * is durable. A refused request (4xx) changed nothing and is not reported.
 */
export interface RequestJournal {
  /** Returns the runtime time the request is applied at (the record's time). */
  beforeHandle(): number;
  /** Must be called in the same turn as the handler (no await between), so records keep the order requests were applied in. */
  accepted(request: AcceptedRequest, at: number): Promise<void>;
  /** Resolves once every state change recorded so far is durable: a read answers after it. */
  settled?(): Promise<void>;
}

/** AWS Batch operations that only read (Describe*, List*, Get*): everything else changes state. */
export function isStateChangingOperation(operation: string): boolean {
  return !/^(Describe|List|Get)/.test(operation);
}
