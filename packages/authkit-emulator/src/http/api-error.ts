/**
 * One field-level problem of an `invalid_request_parameters` error: `{ code, field }` as
 * `@workos/openapi-spec` types the entries (`GET /events` 422) and `@workos-inc/node` its
 * `UnprocessableEntityError`. The SDK keeps no `errors` on `UnprocessableEntityException`: it lists
 * each entry's `code` in the exception's `message` ("The following requirement must be met: ...").
 */
export interface FieldError {
  field: string;
  code: string;
}

/**
 * One entry of a 400's `errors`, as `@workos/openapi-spec` types them (`{ code, message }`, no
 * field), e.g. `email_not_available` under `user_creation_error` (`POST /user_management/users`).
 */
export interface ErrorDetail {
  code: string;
  message: string;
}

/**
 * One entry of the 400 `invalid_audit_log_event` (`POST /audit_logs/events` in
 * `@workos/openapi-spec`): Ajv's error object, `instancePath` being the JSON pointer into the
 * event (the spec's only required field, e.g. `/targets`).
 */
export interface EventSchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * Stable codes, each tied to one HTTP status by `API_ERROR_STATUS`. The WorkOS ones are the
 * literal codes of `@workos/openapi-spec` (e.g. `missing_user_id_or_organization_id` is the
 * 400 of `GET /user_management/organization_memberships`); the rest are the emulator's own.
 */
export const API_ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  missing_user_id_or_organization_id: 400,
  user_already_organization_member: 400,
  user_already_exists: 400,
  email_already_invited: 400,
  email_already_invited_to_organization: 400,
  expires_in_days_too_short: 400,
  expires_in_days_too_long: 400,
  invite_not_pending: 400,
  invite_expired: 400,
  invite_revoked: 400,
  invite_accepted: 400,
  cannot_deactivate_pending_organization_membership: 400,
  cannot_reactivate_pending_organization_membership: 400,
  domain_already_verified: 400,
  external_id_already_used: 400,
  email_not_available: 400,
  user_creation_error: 400,
  invalid_metadata: 400,
  invalid_locale: 400,
  invalid_audit_log_event: 400,
  unauthorized: 401,
  cross_site_request: 403,
  entity_not_found: 404,
  route_not_found: 404,
  conflict: 409,
  domain_already_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_request: 421,
  invalid_request_parameters: 422,
  invalid_role: 422,
  rate_limit_exceeded: 429,
  internal_error: 500,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** The JSON body of every REST and admin API error (`code` is absent only from message-only errors). */
export interface ApiErrorBody {
  code?: ApiErrorCode;
  message: string;
  errors?: FieldError[] | ErrorDetail[] | EventSchemaError[];
  entity_id?: string;
}

/**
 * A failure the REST and admin APIs report to the caller. Thrown anywhere in a handler or a
 * store module; `errorHandler` is the single place that turns it into a response, so no route
 * writes error JSON by hand.
 *
 * @example
 * throw ApiError.notFound("User", "user_123");
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ApiErrorCode;
  readonly errors: FieldError[] | ErrorDetail[] | EventSchemaError[] | undefined;
  readonly entityId: string | undefined;
  readonly status: number;
  readonly messageOnly: boolean;

  /**
   * `status` overrides the code's usual one where a route answers it differently (`invalid_role` is a
   * 400 on invitations). `messageOnly` sends `{ message }` alone, for the responses the spec types
   * without a code: a code the emulator made up would be one a caller could branch on and WorkOS never sends.
   */
  constructor(
    code: ApiErrorCode,
    message: string,
    details: { errors?: FieldError[] | ErrorDetail[] | EventSchemaError[]; entityId?: string; status?: number; messageOnly?: boolean } = {},
  ) {
    super(message);
    this.code = code;
    this.errors = details.errors;
    this.entityId = details.entityId;
    this.status = details.status ?? API_ERROR_STATUS[code];
    this.messageOnly = details.messageOnly ?? false;
  }

  /** Body WorkOS sends: `{ code, message }`, plus `errors` on validation failures and `entity_id` on 404s. */
  toResponseObject(): ApiErrorBody {
    if (this.messageOnly) return { message: this.message };
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.errors !== undefined) body.errors = this.errors;
    if (this.entityId !== undefined) body.entity_id = this.entityId;
    return body;
  }

  /**
   * WorkOS words these as `User not found: 'user_123'.` and names the id in `entity_id`
   * (workos-node `src/widgets/fixtures/get-token-error.json`).
   */
  static notFound(entity: string, id: string): ApiError {
    return new ApiError("entity_not_found", `${entity} not found: '${id}'.`, { entityId: id });
  }

  /**
   * `invalid_request_parameters`: `@workos/openapi-spec` gives it `{ code, message: "Validation failed." }`
   * on the User Management routes and `errors: [{ code, field }]` (both required) where it types the
   * entries (`GET /events`, `POST /organizations/{organizationId}/api_keys`), the SDK's
   * `UnprocessableEntityError`. It is a 422 on most routes; `status` is for the few the spec answers
   * 400 (`GET /user_management/organization_memberships`).
   */
  static validation(errors: FieldError[], status?: 400 | 422): ApiError {
    return new ApiError("invalid_request_parameters", "Validation failed.", { errors, status });
  }
}
