import { expect } from "vitest";
import { expectCallback, expectPage, type LoginUserAgent, type Navigation } from "./login-user-agent.js";

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
    page = expectPage(await agent.submit(page, "/login/organization", {}, organization ?? ""));
  }
  expect(page.html).toContain("Allow");
  return expectCallback(await agent.submit(page, "/login/consent", {}, "Allow"));
}
