/**
 * Stands in for a Lambda function of the stack when a rule targets it: the runtime calls `handle`
 * with the parsed input (the whole event, unless the target transforms it). Implement it in any jsii
 * language and register it with `LocalBatchRuntime.registerFunctionHandler`.
 */
export interface ILocalFunctionHandler {
  /**
   * Called once per delivery, from the runtime's event loop (never inside a job state change). An
   * error it throws is recorded on the invocation as the failure, as an asynchronous Lambda invoke
   * would report it; it does not stop the runtime.
   *
   * @param event the input as JSON (object, array, string, number); text that is not JSON is passed as a string
   */
  handle(event: any): void;
}
