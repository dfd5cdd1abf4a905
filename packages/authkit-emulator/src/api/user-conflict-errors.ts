import { ApiError, type ErrorDetail } from "../http/api-error.js";
import { USER_CONFLICT_CODES, type UserConflict } from "../store/users.js";

/**
 * The details under `user_creation_error`. The spec types them `{ code, message }` without naming
 * codes; each conflict takes the code the spec gives the same conflict on update
 * ({@link USER_CONFLICT_CODES}).
 */
const CREATION_DETAILS: Record<UserConflict, ErrorDetail> = {
  email: { code: USER_CONFLICT_CODES.email, message: "This email is not available." },
  external_id: { code: USER_CONFLICT_CODES.external_id, message: "This external_id is already used by another user." },
};

/**
 * `POST /user_management/users` with a taken email or external id: `@workos/openapi-spec` answers
 * 400 `{ code: "user_creation_error", message, errors: [{ code, message }] }` (the SDK's
 * `BadRequestException`, as the body has both `code` and `errors`).
 */
export function userCreationError(conflicts: readonly UserConflict[]): ApiError {
  return new ApiError("user_creation_error", "Could not create user.", { errors: conflicts.map((field) => CREATION_DETAILS[field]) });
}

/**
 * `PUT /user_management/users/{id}` with a taken email or external id: the spec's 400
 * `{ code: "email_not_available" | "external_id_already_used", message }` (no `errors`, so the SDK
 * raises `GenericServerException` with `status` 400 and `rawData.code`).
 */
export function userUpdateConflictError(conflict: UserConflict): ApiError {
  return new ApiError(USER_CONFLICT_CODES[conflict], CREATION_DETAILS[conflict].message);
}
