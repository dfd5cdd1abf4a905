/**
 * A minimal user agent for the login pages: keeps cookies, follows redirects inside the
 * emulator and stops at the first redirect leaving it (the client's redirect URI), and reads
 * forms out of the HTML the way a browser would submit them.
 */
export interface Page {
  status: number;
  url: string;
  html: string;
}

export type Navigation = { kind: "page"; page: Page } | { kind: "callback"; url: URL };

export interface ParsedForm {
  action: string;
  fields: Record<string, string>;
  inputs: string[];
  buttons: { name?: string; value?: string; formaction?: string; text: string }[];
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1]?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Every form on a page: its action, hidden fields, visible input names and submit buttons. */
export function parseForms(html: string): ParsedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, open = "", body = ""]) => {
    const fields: Record<string, string> = {};
    const inputs: string[] = [];
    for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(tag, "name");
      if (!name) continue;
      if (attribute(tag, "type") === "hidden") fields[name] = attribute(tag, "value") ?? "";
      else inputs.push(name);
    }
    const buttons = [...body.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].map(([, attrs = "", text = ""]) => ({
      name: attribute(` ${attrs}`, "name"),
      value: attribute(` ${attrs}`, "value"),
      formaction: attribute(` ${attrs}`, "formaction"),
      text: text.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim(),
    }));
    return { action: attribute(` ${open}`, "action") ?? "", fields, inputs, buttons };
  });
}

export class LoginUserAgent {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  /** GET a URL and follow same-origin redirects. */
  navigate(url: string): Promise<Navigation> {
    return this.send(url, { method: "GET" });
  }

  /**
   * Submits the form on `page` whose action (or a button's formaction) is `action`, with its
   * hidden fields plus `values`; `button` picks a submit button by its visible text.
   */
  submit(page: Page, action: string, values: Record<string, string> = {}, button?: string): Promise<Navigation> {
    const form = parseForms(page.html).find((candidate) => candidate.action === action || candidate.buttons.some((b) => b.formaction === action));
    if (!form) throw new Error(`No form posting to ${action} on ${page.url}`);
    for (const name of Object.keys(values)) {
      const known = form.inputs.includes(name) || name in form.fields || form.buttons.some((b) => b.name === name);
      if (!known) throw new Error(`Form ${action} has no field ${name}`);
    }
    const chosen = button ? form.buttons.find((b) => b.text.includes(button)) : undefined;
    if (button && !chosen) throw new Error(`Form ${action} has no button "${button}"`);
    const body = new URLSearchParams({ ...form.fields, ...values });
    if (chosen?.name) body.set(chosen.name, chosen.value ?? "");
    return this.send(new URL(action, page.url).toString(), { method: "POST", body });
  }

  private async send(url: string, init: { method: string; body?: URLSearchParams }): Promise<Navigation> {
    let current = url;
    let request = init;
    for (let hops = 0; hops < 10; hops += 1) {
      const response = await fetch(current, {
        method: request.method,
        body: request.body,
        redirect: "manual",
        headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair = ""] = header.split(";");
        const [name = "", ...value] = pair.split("=");
        this.cookies.set(name.trim(), value.join("="));
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, current);
        if (next.origin !== this.origin) return { kind: "callback", url: next };
        current = next.toString();
        request = { method: "GET" };
        continue;
      }
      return { kind: "page", page: { status: response.status, url: current, html: await response.text() } };
    }
    throw new Error("Too many redirects");
  }
}

export function expectPage(navigation: Navigation): Page {
  if (navigation.kind !== "page") throw new Error(`Expected a page, got a redirect to ${navigation.url}`);
  return navigation.page;
}

export function expectCallback(navigation: Navigation): URL {
  if (navigation.kind !== "callback") throw new Error(`Expected a redirect to the client, got page ${navigation.page.url} (${navigation.page.status})`);
  return navigation.url;
}
