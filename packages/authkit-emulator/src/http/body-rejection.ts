/** A request body the parser refused: the caller's fault (4xx), never the emulator's. */
export interface BodyRejection {
  status: number;
  /** body-parser's reason (`entity.too.large`, `parameters.too.many`, ...); absent for a body that would not decompress. */
  type: string | undefined;
}

/**
 * Recognises body-parser's rejections. They carry a 4xx `status`, and a `type` except when
 * decompression failed (a corrupt gzip or brotli body is wrapped with status 400 only), which
 * was once mistaken for an emulator bug and answered 500.
 *
 * @example
 * const rejection = bodyRejection(error);
 * if (rejection?.status === 413) ...
 */
export function bodyRejection(error: unknown): BodyRejection | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  return { status, type: typeof type === "string" ? type : undefined };
}
