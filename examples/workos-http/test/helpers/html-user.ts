/**
 * Plays the person at the browser for the emulator's hosted sign-in pages, with plain HTTP: it
 * follows redirects, keeps cookies, and submits the forms the pages render (email + password,
 * organization picker, consent) until the authorization server redirects to the client's
 * redirect URI. Only what a user could see and click is used: form fields and buttons.
 */
export interface SignInAs {
  email: string;
  password?: string;
  /** Organization name to pick when the picker appears; default the first offered. */
  organization?: string;
  /** Answer on the consent screen. Default allow. */
  consent?: "allow" | "deny";
}

export async function signInThroughForms(authorizationURL: string | URL, redirectURI: string, who: SignInAs): Promise<URL> {
  const cookies = new Map<string, string>();
  let request: { url: string; init: RequestInit } = { url: String(authorizationURL), init: { method: "GET" } };

  for (let step = 0; step < 20; step++) {
    const res = await fetch(request.url, {
      ...request.init,
      redirect: "manual",
      headers: { ...(request.init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(redirectURI)) return next;
      request = { url: next.href, init: { method: "GET" } };
      continue;
    }
    const page = await res.text();
    request = nextSubmission(page, request.url, who);
  }
  throw new Error("sign-in did not finish within 20 steps");
}

function nextSubmission(page: string, pageURL: string, who: SignInAs): { url: string; init: RequestInit } {
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(page);
  if (!form) throw new Error(`sign-in page without a form:\n${textOf(page)}`);
  const [, action, body] = form as unknown as [string, string, string];
  const fields = new URLSearchParams();
  for (const input of body.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
    const name = attr(input[0], "name");
    if (name) fields.set(name, decode(attr(input[0], "value") ?? ""));
  }

  if (/name="password"/.test(body)) {
    fields.set("email", who.email);
    fields.set("password", who.password ?? "dev-password");
  } else if (/name="organization_id"/.test(body)) {
    const buttons = [...body.matchAll(/<button[^>]*name="organization_id"[^>]*value="([^"]+)"[^>]*>([\s\S]*?)<\/button>/gi)];
    const chosen = who.organization ? buttons.find((b) => textOf(b[2]!).includes(who.organization!)) : buttons[0];
    if (!chosen) throw new Error(`organization ${who.organization} not offered:\n${textOf(page)}`);
    fields.set("organization_id", decode(chosen[1]!));
  } else if (/name="decision"/.test(body)) {
    fields.set("decision", who.consent ?? "allow");
  } else if (!/<button/.test(body)) {
    throw new Error(`unexpected sign-in page:\n${textOf(page)}`);
  }
  return {
    url: new URL(decode(action), pageURL).href,
    init: { method: "POST", body: fields, headers: { "content-type": "application/x-www-form-urlencoded" } },
  };
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`, "i").exec(tag)?.[1];
}

function decode(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}
