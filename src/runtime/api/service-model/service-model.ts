/**
 * The subset of a botocore service model (`botocore/data/<service>/<version>/service-2.json`) that the
 * endpoint needs to route and validate requests, as LocalStack does: requests are checked against the
 * model's shapes instead of hand-written per-field checks. Documentation strings are dropped.
 */

/** Where a member travels: the JSON body (default), the URI path, or the query string. */
export type MemberLocation = 'uri' | 'querystring' | 'header';

export interface ShapeRef {
  readonly shape: string;
  readonly location?: MemberLocation;
  readonly locationName?: string;
}

export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'double' | 'float' | 'timestamp' | 'blob';

export interface ModelShape {
  readonly type: ShapeType;
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, ShapeRef>>;
  readonly member?: ShapeRef;
  readonly key?: ShapeRef;
  readonly value?: ShapeRef;
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export interface ModelOperation {
  readonly method: string;
  readonly requestUri: string;
  /** Input shape name; absent for operations of the service the endpoint does not implement. */
  readonly input?: string;
  /** Output shape name, kept for implemented operations: the conformance test checks every response against it. */
  readonly output?: string;
}

export interface ServiceModel {
  /** Where the subset was taken from, and its license. */
  readonly source: string;
  readonly targetPrefix?: string;
  readonly operations: Readonly<Record<string, ModelOperation>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}
