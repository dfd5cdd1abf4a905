import type { User, WorkOS } from "@workos-inc/node";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyPluginCallback } from "fastify";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as root from "@xmcp-dev/workos";
import * as express from "@xmcp-dev/workos/express";
import * as fastify from "@xmcp-dev/workos/fastify";
import * as web from "@xmcp-dev/workos/web";
import * as testing from "@xmcp-dev/workos/testing";
import * as doctor from "@xmcp-dev/workos/doctor";

// Pins the published surface of every entry point: the names at run time (the built files) and
// the types (the built declarations, checked by `npm run lint`).

const shared = [
  "AccessDeniedError",
  "WorkOSApiError",
  "WorkOSAuthError",
  "WorkOSContextError",
  "WorkOSError",
  "createWorkOSAuth",
  "getAccess",
  "getClient",
  "getSession",
  "getUser",
  "isCorsPreflight",
  "normalizeAuthkitDomain",
  "requireOrganization",
  "requireScopes",
];

describe("entry points", () => {
  it("`@xmcp-dev/workos` exports the session API, the core and the Express middleware", () => {
    expect(Object.keys(root).sort()).toEqual([...shared, "createExpressMiddleware", "workosProvider"].sort());
  });

  it("`@xmcp-dev/workos/express` exports the same", () => {
    expect(Object.keys(express).sort()).toEqual([...shared, "createExpressMiddleware", "workosProvider"].sort());
  });

  it("`@xmcp-dev/workos/fastify` exports the session API, the core and the Fastify plugin", () => {
    expect(Object.keys(fastify).sort()).toEqual([...shared, "createFastifyPlugin"].sort());
  });

  it("`@xmcp-dev/workos/web` exports the session API, the core and the Fetch API adapters, nothing of Express", () => {
    expect(Object.keys(web).sort()).toEqual([...shared, "createFetchGuard", "createWebMiddleware", "workosCloudflare", "workosNextjs"].sort());
  });

  it("`@xmcp-dev/workos/testing` exports withSession only", () => {
    expect(Object.keys(testing)).toEqual(["withSession"]);
  });

  it("`@xmcp-dev/workos/doctor` exports the doctor's run and its formatter", () => {
    expect(Object.keys(doctor).sort()).toEqual(["formatReport", "runDoctor"]);
  });
});

const dist = fileURLToPath(new URL("../dist/", import.meta.url));

/** Every package a built file reaches, following its relative imports (tsup's shared chunks). */
function reachedPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  const specifiers = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)\s*(?:[^"';]*?\bfrom\s*)?["']([^"']+)["']/g),
    ...source.matchAll(/\brequire\(["']([^"']+)["']\)/g),
  ].map((match) => match[1]!);
  for (const specifier of specifiers) {
    if (specifier.startsWith(".")) for (const p of reachedPackages(path.resolve(path.dirname(file), specifier), seen)) packages.add(p);
    else packages.add(specifier);
  }
  return packages;
}

describe("what each built entry point loads", () => {
  it("`./web` reaches nothing of Express and no Node module but async_hooks (Workers have it under nodejs_compat)", () => {
    // The bare name: xmcp's Workers build leaves `async_hooks` to the runtime but cannot resolve `node:async_hooks`.
    const allowed = ["@opentelemetry/api", "@workos-inc/node", "async_hooks", "jose"];
    expect([...reachedPackages(path.join(dist, "web.js"))].sort()).toEqual(allowed);
    expect([...reachedPackages(path.join(dist, "web.cjs"))].sort()).toEqual(allowed);
  });

  it("a Workers bundler gets `./web` for `@xmcp-dev/workos` (the `workerd` condition, listed first)", () => {
    const exports = JSON.parse(readFileSync(path.join(dist, "../package.json"), "utf8")).exports["."];
    expect(Object.keys(exports)[0]).toBe("workerd");
    expect(exports.workerd).toEqual({
      import: { types: "./dist/web.d.ts", default: "./dist/web.js" },
      require: { types: "./dist/web.d.cts", default: "./dist/web.cjs" },
    });
  });

  it("the Node entry points verify with node:crypto, `./web` with WebCrypto", () => {
    expect(reachedPackages(path.join(dist, "index.js"))).toContain("node:crypto");
    expect(root.createWorkOSAuth).toBe(express.createWorkOSAuth);
    expect(fastify.createWorkOSAuth).toBe(express.createWorkOSAuth);
    expect(web.createWorkOSAuth).not.toBe(root.createWorkOSAuth);
  });
});

describe("types", () => {
  it("session API", () => {
    for (const api of [root, express, fastify, web]) {
      expectTypeOf(api.getSession).toEqualTypeOf<() => Readonly<web.Session>>();
      expectTypeOf(api.getUser).toEqualTypeOf<() => Promise<User>>();
      expectTypeOf(api.getClient).toEqualTypeOf<() => WorkOS>();
      expectTypeOf(api.getAccess).toEqualTypeOf<() => Promise<web.Access>>();
      expectTypeOf(api.requireOrganization).toEqualTypeOf<(organizationId?: string) => string>();
      expectTypeOf(api.requireScopes).toEqualTypeOf<(...scopes: string[]) => void>();
    }
  });

  it("test kit and doctor", () => {
    expectTypeOf(testing.withSession<string>).toEqualTypeOf<
      (session: testing.TestSession | string, fn: () => string | Promise<string>, options?: testing.WithSessionOptions) => Promise<string>
    >();
    expectTypeOf<testing.WithSessionOptions["auth"]>().toEqualTypeOf<web.WorkOSAuth | undefined>();
    expectTypeOf(doctor.runDoctor).parameter(0).toEqualTypeOf<doctor.DoctorInput>();
    expectTypeOf(doctor.runDoctor).returns.toEqualTypeOf<Promise<doctor.DoctorReport>>();
  });

  it("Session has Dates and seconds", () => {
    expectTypeOf<web.Session["expiresAt"]>().toEqualTypeOf<Date>();
    expectTypeOf<web.Session["issuedAt"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<web.Session["expiresAtSeconds"]>().toEqualTypeOf<number>();
    expectTypeOf<web.Session["issuedAtSeconds"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<web.Session["scopes"]>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<web.AuthInfo["expiresAt"]>().toEqualTypeOf<number | undefined>();
  });

  it("Access checks are synchronous", () => {
    expectTypeOf<web.Access["requirePermission"]>().toEqualTypeOf<(...permissions: string[]) => void>();
    expectTypeOf<web.Access["requireRole"]>().toEqualTypeOf<(...roles: string[]) => void>();
    expectTypeOf<web.Access["hasPermission"]>().toEqualTypeOf<(permission: string) => boolean>();
    expectTypeOf<web.Access["hasRole"]>().toEqualTypeOf<(role: string) => boolean>();
    expectTypeOf<web.Access["requireOrganization"]>().toEqualTypeOf<(organizationId?: string) => string>();
    expectTypeOf<web.Access["roles"]>().toEqualTypeOf<readonly string[]>();
  });

  it("the core", () => {
    expectTypeOf(web.createWorkOSAuth).toEqualTypeOf<(options: web.WorkOSConfig) => web.WorkOSAuth>();
    expectTypeOf<web.WorkOSAuth["authenticate"]>().toEqualTypeOf<
      (authorization: string | readonly string[] | null | undefined) => Promise<web.AuthResult>
    >();
    expectTypeOf<web.WorkOSAuth["challenge"]>().toEqualTypeOf<(error: web.WorkOSAuthError) => web.HttpAnswer>();
    expectTypeOf<web.WorkOSAuth["discovery"]>().toEqualTypeOf<(method: string, pathname: string) => Promise<web.HttpAnswer> | undefined>();
    expectTypeOf<web.WorkOSAuth["guard"]>().toEqualTypeOf<(request: web.GuardRequest) => Promise<web.GuardDecision>>();
    expectTypeOf<web.WorkOSAuth["decide"]>().toEqualTypeOf<(request: web.GuardRequest) => web.GuardDecision | Promise<web.GuardDecision>>();
    expectTypeOf<web.GuardDecision>().toEqualTypeOf<
      { action: "pass" } | { action: "answer"; answer: web.HttpAnswer } | { action: "authenticated"; authenticated: web.AuthSuccess }
    >();
    expectTypeOf<web.WorkOSAuth["protects"]>().toEqualTypeOf<(pathname: string) => boolean>();
    expectTypeOf<web.WorkOSAuth["runWithSession"]>().toEqualTypeOf<<T>(authenticated: web.AuthSuccess, fn: () => T) => T>();
    expectTypeOf<web.WorkOSAuth["protectedResourceMetadata"]>().toEqualTypeOf<web.OAuthProtectedResourceMetadata>();
    expectTypeOf<web.WorkOSAuth["authorizationServerMetadata"]>().toEqualTypeOf<() => Promise<web.OAuthAuthorizationServerMetadata>>();
    expectTypeOf<web.HttpAnswer>().toEqualTypeOf<{ status: number; headers: Record<string, string>; body: Record<string, unknown> | null }>();
    expectTypeOf<web.AuthResult>().toEqualTypeOf<web.AuthSuccess | web.AuthFailure>();
    expectTypeOf<web.AuthSuccess>().toEqualTypeOf<{ ok: true; token: string; session: Readonly<web.Session>; authInfo: web.AuthInfo }>();
    expectTypeOf<web.AuthFailure>().toEqualTypeOf<{ ok: false; error: web.WorkOSAuthError }>();
  });

  it("the Express adapter", () => {
    expectTypeOf(express.workosProvider).toEqualTypeOf<(options: express.WorkOSConfig) => express.WorkOSProvider>();
    expectTypeOf<express.WorkOSProvider>().toEqualTypeOf<express.ExpressMiddleware & { stats(): express.ProviderStats }>();
    expectTypeOf(express.createExpressMiddleware).toEqualTypeOf<(auth: express.WorkOSAuth) => express.ExpressMiddleware>();
    expectTypeOf(root.workosProvider).toEqualTypeOf<(options: root.config) => root.WorkOSProvider>();
  });

  it("the Fastify plugin", () => {
    expectTypeOf(fastify.createFastifyPlugin).toEqualTypeOf<(auth: fastify.WorkOSAuth) => FastifyPluginCallback>();
  });

  it("the Fetch API adapters (Cloudflare Workers, Next.js)", () => {
    expectTypeOf(web.createFetchGuard).toEqualTypeOf<(auth: web.WorkOSAuth) => web.FetchGuard>();
    expectTypeOf<web.FetchGuard>().toEqualTypeOf<(request: Request, next: web.GuardedHandler) => Promise<Response>>();
    expectTypeOf<web.GuardedHandler>().toEqualTypeOf<(authInfo: web.AuthInfo | undefined) => Promise<Response> | Response>();
    expectTypeOf(web.createWebMiddleware).toEqualTypeOf<(auth: web.WorkOSAuth) => web.WebMiddleware>();
    // xmcp's `WebMiddleware` (xmcp/cloudflare) accepts ours.
    expectTypeOf<web.WebMiddleware>().toExtend<import("xmcp/cloudflare").WebMiddleware>();
    expectTypeOf(web.workosCloudflare).toEqualTypeOf<(options: web.WorkOSConfig) => web.WorkOSCloudflare>();
    expectTypeOf<web.WorkOSCloudflare["middleware"]>().toEqualTypeOf<web.WebMiddleware>();
    expectTypeOf<ReturnType<web.WorkOSCloudflare["worker"]>>().toExtend<web.WorkerEntry>();
    expectTypeOf(web.workosNextjs).toEqualTypeOf<(options: web.WorkOSConfig) => web.WorkOSNextjs>();
    expectTypeOf<web.WorkOSNextjs["protect"]>().toEqualTypeOf<(handler: (request: Request) => Promise<Response>) => (request: Request) => Promise<Response>>();
    expectTypeOf<web.WorkOSNextjs["discovery"]>().toEqualTypeOf<(request: Request) => Promise<Response>>();
  });

  it("one error family with literal codes", () => {
    expectTypeOf<web.AnyWorkOSError>().toEqualTypeOf<web.WorkOSAuthError | web.AccessDeniedError | web.WorkOSApiError | web.WorkOSContextError>();
    expectTypeOf<web.AnyWorkOSError["code"]>().toEqualTypeOf<web.WorkOSErrorCode>();
    expectTypeOf<web.WorkOSAuthError["code"]>().toEqualTypeOf<web.AuthErrorCode>();
    expectTypeOf<web.AccessDeniedError["code"]>().toEqualTypeOf<web.AccessDeniedCode>();
    expectTypeOf<web.WorkOSApiError["code"]>().toEqualTypeOf<web.WorkOSApiErrorCode>();
    expectTypeOf<web.WorkOSApiErrorCode>().toEqualTypeOf<"workos_api_error" | "rate_limited">();
    expectTypeOf<web.WorkOSContextError["code"]>().toEqualTypeOf<web.ContextErrorCode>();
    expectTypeOf<web.WorkOSAuthError>().toExtend<web.WorkOSError>();
    expectTypeOf<web.WorkOSError>().toExtend<Error>();
    // The union narrows on `code`.
    const describeError = (error: web.AnyWorkOSError) => {
      switch (error.code) {
        case "missing_permission":
          return error.missing;
        case "workos_api_error":
          return error.status;
        default:
          return error.message;
      }
    };
    expectTypeOf(describeError).returns.toEqualTypeOf<readonly string[] | number | undefined | string>();
  });
});
