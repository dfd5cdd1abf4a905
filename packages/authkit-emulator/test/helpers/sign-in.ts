import { expect } from "vitest";
import { expectCallback, expectPage, LoginUserAgent, parseForms, type Navigation, type Page } from "./login-user-agent.js";

/**
 * Walks the hosted login like a person would: email + password, the organization picker when
 * shown (first organization unless `organization` names another), then Allow on the consent page.
 */
export async function signInWithPassword(
  agent: LoginUserAgent,
  authorizationUrl: string,
  email: string,
  options: { organization?: string } = {},
): Promise<URL> {
  const signIn = expectPage(await agent.navigate(authorizationUrl));
  expect(signIn.status).toBe(200);
  const next: Navigation = await agent.submit(signIn, "/login/password", { email, password: "dev-password" }, "Sign in");
  return approve(agent, next, options.organization);
}

/** From a page after identification: pick the organization if asked, then consent. */
export async function approve(agent: LoginUserAgent, navigation: Navigation, organization?: string): Promise<URL> {
  let page = expectPage(navigation);
  if (page.html.includes("Choose an organization")) {
    page = expectPage(await chooseOrganization(agent, page, organization));
  }
  expect(page.html).toContain("Allow");
  return expectCallback(await agent.submit(page, "/login/consent", {}, "Allow"));
}

/** The organization picker: the named organization, else the first one offered. */
function chooseOrganization(agent: LoginUserAgent, page: Page, organization?: string): Promise<Navigation> {
  const offered = parseForms(page.html).find((form) => form.action === "/login/organization")?.buttons ?? [];
  return agent.submit(page, "/login/organization", {}, organization ?? offered[0]?.text);
}

/** Who signs in, for {@link signInAs}. Every seeded user's password is `dev-password`. */
export interface SignInAs {
  email: string;
  password?: string;
  /** Organization to pick when the picker appears (a substring of its button); default the first. */
  organization?: string;
  consent?: "allow" | "deny";
}

/**
 * Plays the user from an authorization URL to the client's redirect, answering whichever page
 * the hosted login shows: password form, the SSO connection's identity provider, the
 * organization picker, consent. The end-to-end tests sign MCP clients in with it.
 */
export async function signInAs(authorizationUrl: string | URL, who: SignInAs): Promise<URL> {
  const url = new URL(authorizationUrl);
  const agent = new LoginUserAgent(url.origin);
  let navigation = await agent.navigate(url.href);
  for (let step = 0; step < 6 && navigation.kind === "page"; step++) {
    const { page } = navigation;
    const actions = parseForms(page.html).flatMap((form) => [form.action, ...form.buttons.map((b) => b.formaction)]);
    if (actions.includes("/login/password")) {
      navigation = await agent.submit(page, "/login/password", { email: who.email, password: who.password ?? "dev-password" }, "Sign in");
    } else if (actions.includes("/login/sso")) {
      navigation = await agent.submit(page, "/login/sso", {}, "Sign in as");
    } else if (actions.includes("/login/organization")) {
      navigation = await chooseOrganization(agent, page, who.organization);
    } else if (actions.includes("/login/consent")) {
      navigation = await agent.submit(page, "/login/consent", {}, who.consent === "deny" ? "Deny" : "Allow");
    } else {
      throw new Error(`Unexpected sign-in page ${page.url} (${page.status}): ${page.html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300)}`);
    }
  }
  return expectCallback(navigation);
}
