/** A string already escaped for HTML; only produced by {@link html} and {@link escapeHtml}. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for element content and double-quoted attributes (client_name is attacker-controlled). */
export function escapeHtml(text: string): SafeHtml {
  return new SafeHtml(
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"),
  );
}

type Interpolation = SafeHtml | string | number | undefined | null | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(String(value)).value;
}

/**
 * Tagged template that escapes every interpolation unless it is already {@link SafeHtml},
 * so forgetting to escape is impossible rather than merely unlikely.
 *
 * @example
 * html`<h1>Sign in to ${clientName}</h1>`;
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}
