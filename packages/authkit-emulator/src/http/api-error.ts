/** One field-level problem in a 422, in the shape WorkOS returns (`UnprocessableEntityException.errors`). */
export interface FieldError {
  field: string;
  code: string;
}

/** Stable codes, each tied to one HTTP status by `API_ERROR_STATUS`. */
export type ApiErrorCode =
  | "unauthorized"
  | "entity_not_found"
  | "invalid_request_parameters"
  | "route_not_found"
  | "invalid_json"
  | "payload_too_large"
  | "conflict"
  | "internal_error";

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {
  unauthorized: 401,
  entity_not_found: 404,
  invalid_request_parameters: 422,
  route_not_found: 404,
  invalid_json: 400,
  payload_too_large: 413,
  conflict: 409,
  internal_error: 500,
};

/**
 * A failure the REST and admin APIs report to the caller. Thrown anywhere in a handler;
 * `errorHandler` is the single place that turns it into a response, so no route writes
 * error JSON by hand.
 *
 * @example
 * throw ApiError.notFound("User", "user_123");
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ApiErrorCode;
  readonly errors: FieldError[] | undefined;

  constructor(code: ApiErrorCode, message: string, errors?: FieldError[]) {
    super(message);
    this.code = code;
    this.errors = errors;
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }

  /** Body WorkOS sends: `{ code, message }` plus `errors` on validation failures. */
  toResponseObject(): { code: ApiErrorCode; message: string; errors?: FieldError[] } {
    return this.errors === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, errors: this.errors };
  }

  /** WorkOS words these as `User not found: 'user_123'.` */
  static notFound(entity: string, id: string): ApiError {
    return new ApiError("entity_not_found", `${entity} not found: '${id}'.`);
  }

  static validation(errors: FieldError[]): ApiError {
    return new ApiError("invalid_request_parameters", "Validation failed", errors);
  }
}
