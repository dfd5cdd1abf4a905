import { OAuthError } from "./oauth-error.js";

type ParamSource = Record<string, unknown> | undefined;

/**
 * Reads one request parameter. RFC 6749 §3.1 and §3.2: parameters MUST NOT appear more than once,
 * and Express's query/urlencoded parsers turn a repeated key into an array, so that is rejected.
 *
 * @example
 * const code = optionalParam(req.body, "code");
 */
export function optionalParam(source: ParamSource, name: string): string | undefined {
  const value = source?.[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") {
    throw new OAuthError("invalid_request", `The "${name}" parameter must be given exactly once.`);
  }
  return value;
}

/** Like {@link optionalParam} but a missing parameter is an `invalid_request`. */
export function requiredParam(source: ParamSource, name: string): string {
  const value = optionalParam(source, name);
  if (value === undefined) {
    throw new OAuthError("invalid_request", `Missing required parameter "${name}".`);
  }
  return value;
}
