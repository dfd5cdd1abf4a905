/**
 * An HTTP answer as data, for adapters to write in their framework's terms: headers are
 * lower-case, `body` is JSON (or `null` for none). `content-type` is set whenever there is a body.
 */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}
