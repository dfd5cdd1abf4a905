/**
 * Adds `value` to a comma-separated header list (`Access-Control-Expose-Headers`) that the
 * server's CORS settings may already have set, once, case-insensitively.
 */
export function appendToHeaderList(current: string | number | readonly string[] | undefined, value: string): string {
  const list = typeof current === "string" ? current : Array.isArray(current) ? current.join(", ") : "";
  if (list.trim() === "") return value;
  return list.split(",").some((item) => item.trim().toLowerCase() === value.toLowerCase()) ? list : `${list}, ${value}`;
}
