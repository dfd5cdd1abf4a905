/** A command-line option that must be a positive number, or a message that names it. */
export function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new TypeError(`bench: --${name} must be a positive number, got ${value}`);
  return n;
}
