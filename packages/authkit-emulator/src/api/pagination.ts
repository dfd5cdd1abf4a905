import { ApiError, type FieldError } from "../http/api-error.js";

export interface ListEnvelope<T> {
  object: "list";
  data: T[];
  list_metadata: { before: string | null; after: string | null };
}

interface Paginated {
  id: string;
  created_at: string;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** Query values arrive as strings, arrays or nested objects (qs); only a single string counts. */
export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * An array filter: the SDK joins it with commas (`statuses=active,inactive`, `domains=a.test,b.test`);
 * raw callers may repeat the parameter (`domains=a.test&domains=b.test`, OpenAPI's form style).
 */
export function queryList(query: Record<string, unknown>, name: string): string[] | undefined {
  const value = query[name];
  const parts = Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [queryString(query, name)];
  const items = parts.flatMap((part) => part?.split(",") ?? []).map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

export interface PaginateOptions {
  /** The status the route's spec gives `invalid_request_parameters`; 422 unless it says 400. */
  invalidStatus?: 400 | 422;
}

/**
 * Cursor pagination as WorkOS does it: records ordered by creation (`order`, default `desc`),
 * `after`/`before` are ids of the last/first record of the neighbouring page, and each cursor in
 * `list_metadata` is null when there is nothing further that way.
 *
 * `order=normal` (`@workos/openapi-spec`: "descending with reversed cursor semantics where
 * `before` fetches older records and `after` fetches newer records") is `desc` with the two
 * cursors swapped on the way in and on the way out.
 *
 * Cursors are the ids of stored records; `serialize` turns each record of the page into its wire form.
 *
 * A bad `limit` (the spec's `minimum: 1, maximum: 100`), an `order` outside the spec's enum
 * (`normal | desc | asc`), both cursors at once, or a cursor naming no record in the list is the
 * route's `invalid_request_parameters`: a 422 on most lists (`GET /user_management/invitations`,
 * `GET /user_management/users/{id}/sessions`), a 400 where the spec gives the code that status
 * (`options.invalidStatus`, `GET /user_management/organization_memberships`). The spec says nothing
 * of unknown cursors (the docs: cursors "take an existing object ID value"); refusing one keeps a
 * caller from reading a silently wrong page.
 *
 * @example
 * res.json(paginate(listUsers(ctx, filter), req.query, serializeUser));
 * res.json(paginate(memberships, req.query, serialize, { invalidStatus: 400 }));
 */
export function paginate<T extends Paginated, R = T>(
  records: T[],
  query: Record<string, unknown>,
  serialize: (record: T) => R = (record) => record as unknown as R,
  options: PaginateOptions = {},
): ListEnvelope<R> {
  const invalidStatus = options.invalidStatus ?? 422;
  const { limit, order, after, before } = readPaginationQuery(query, invalidStatus);
  const page =
    order === "normal"
      ? swapCursors(pageOf(records, { limit, order: "desc", after: before, before: after, invalidStatus }))
      : pageOf(records, { limit, order, after, before, invalidStatus });
  return { ...page, data: page.data.map(serialize) };
}

function swapCursors<T>(page: ListEnvelope<T>): ListEnvelope<T> {
  return { ...page, list_metadata: { before: page.list_metadata.after, after: page.list_metadata.before } };
}

function pageOf<T extends Paginated>(
  records: T[],
  {
    limit,
    order,
    after,
    before,
    invalidStatus,
  }: { limit: number; order: "asc" | "desc"; after?: string; before?: string; invalidStatus: 400 | 422 },
): ListEnvelope<T> {
  const sorted = [...records].sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
  if (order === "desc") sorted.reverse();

  let start = 0;
  let end = Math.min(limit, sorted.length);
  if (after !== undefined) {
    start = cursorIndex(sorted, after, "after", invalidStatus) + 1;
    end = Math.min(start + limit, sorted.length);
  } else if (before !== undefined) {
    end = cursorIndex(sorted, before, "before", invalidStatus);
    start = Math.max(0, end - limit);
  }
  const data = sorted.slice(start, end);
  return {
    object: "list",
    data,
    list_metadata: {
      before: data.length > 0 && start > 0 ? (data[0]?.id ?? null) : null,
      after: data.length > 0 && end < sorted.length ? (data[data.length - 1]?.id ?? null) : null,
    },
  };
}

function cursorIndex(sorted: Paginated[], cursor: string, field: string, invalidStatus: 400 | 422): number {
  const index = sorted.findIndex((record) => record.id === cursor);
  if (index === -1) throw ApiError.validation([{ field, code: `${field}_cursor_not_found` }], invalidStatus);
  return index;
}

function readPaginationQuery(query: Record<string, unknown>, invalidStatus: 400 | 422) {
  const errors: FieldError[] = [];
  const rawLimit = queryString(query, "limit");
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    errors.push({ field: "limit", code: "limit_must_be_between_1_and_100" });
  }
  const order = queryString(query, "order") ?? "desc";
  if (order !== "asc" && order !== "desc" && order !== "normal") {
    errors.push({ field: "order", code: "order_must_be_asc_desc_or_normal" });
  }
  const after = queryString(query, "after");
  const before = queryString(query, "before");
  if (after !== undefined && before !== undefined) {
    errors.push({ field: "before", code: "before_and_after_are_mutually_exclusive" });
  }
  if (errors.length > 0) throw ApiError.validation(errors, invalidStatus);
  return { limit, order: order as "asc" | "desc" | "normal", after, before };
}
