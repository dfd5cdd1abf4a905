import { ApiError } from "../http/api-error.js";

/**
 * The record with this id, or the 404 `entity_not_found` WorkOS answers for an unknown id.
 *
 * @example
 * const organization = findById(ctx.state.organizations, req.params.id, "Organization");
 */
export function findById<T extends { id: string }>(records: readonly T[], id: string, entity: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (record === undefined) throw ApiError.notFound(entity, id);
  return record;
}
