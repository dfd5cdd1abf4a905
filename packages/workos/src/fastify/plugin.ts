import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import { actOnDecision, type GuardDecision } from "../core/guard.js";
import type { HttpAnswer } from "../core/http-answer.js";
import { pathnameOf } from "../core/request-target.js";
import type { AuthSuccess, WorkOSAuth } from "../core/workos-auth.js";
import { appendToHeaderList } from "../http/header-list.js";
import { authorizationHeaders } from "../http/raw-headers.js";
import type { AuthInfo } from "../session/auth-info.js";

/**
 * Translates the core to Fastify, for xmcp's `fastify` adapter: routes for the discovery
 * documents, and on `mcpPath` an `onRequest` check (a refused request is answered before its body
 * is read) plus a `preHandler` that runs the route, xmcp's `xmcpHandler`, with the session.
 * xmcp reads the caller from `request.raw.auth`, where the plugin puts the MCP `AuthInfo`.
 *
 * The session is entered in `preHandler`, not `onRequest`: Fastify reads the body between the two
 * from stream events, which would not carry the request's async context.
 *
 * @example
 * const app = Fastify();
 * app.register(createFastifyPlugin(createWorkOSAuth({ ... })));
 * app.post("/mcp", xmcpHandler);
 */
export function createFastifyPlugin(auth: WorkOSAuth): FastifyPluginCallback {
  const verified = new WeakMap<FastifyRequest, AuthSuccess>();

  const plugin: FastifyPluginCallback = (fastify: FastifyInstance, _options, done) => {
    const discoveryPaths = [
      "/.well-known/oauth-protected-resource",
      `/.well-known/oauth-protected-resource${auth.mcpPath}`,
      "/.well-known/oauth-authorization-server",
    ];
    for (const url of new Set(discoveryPaths)) {
      fastify.route({
        method: ["GET", "OPTIONS"],
        url,
        handler: (request, reply) => auth.discovery(request.method, url)!.then((answer) => send(reply, answer)),
      });
    }

    fastify.addHook("onRequest", (request, reply, next) => {
      const act = (decision: GuardDecision) => {
        if (decision.action === "pass") return next();
        if (decision.action === "answer") return void send(reply, decision.answer);
        (request.raw as { auth?: AuthInfo }).auth = decision.authenticated.authInfo;
        verified.set(request, decision.authenticated);
        next();
      };
      // Only reached if answering failed: Fastify's error handling takes it, never an unhandled rejection.
      const fail = (error: unknown) => next(error instanceof Error ? error : new Error(String(error)));
      actOnDecision(auth, {
        method: request.method,
        pathname: routedPathname(auth, request),
        origin: request.headers.origin,
        accessControlRequestMethod: request.headers["access-control-request-method"],
        authorization: authorizationHeaders(request.raw.rawHeaders),
      }, act, fail);
    });

    fastify.addHook("preHandler", (request, _reply, next) => {
      const result = verified.get(request);
      if (!result) return next();
      auth.runWithSession(result, () => next());
    });

    // A route that an encapsulated plugin registered before this one keeps the hooks of that
    // moment, none of the above, and would serve mcpPath unguarded. The routes added after this
    // plugin pass through `onRoute`; an mcpPath route that did not is refused at start-up.
    const guarded = new Set<string>();
    fastify.addHook("onRoute", (route) => {
      if (route.url === auth.mcpPath) for (const method of [route.method].flat()) guarded.add(method);
    });
    fastify.addHook("onReady", function (this: FastifyInstance, ready) {
      const unguarded = MCP_METHODS.filter((method) => !guarded.has(method) && this.hasRoute({ method, url: auth.mcpPath }));
      ready(
        unguarded.length === 0
          ? undefined
          : new Error(
              `[WorkOS] ${unguarded.join(", ")} ${auth.mcpPath} was registered before the @xmcp-dev/workos Fastify plugin, in a plugin of its own, so the plugin's hooks never run for it: register createFastifyPlugin first`,
            ),
      );
    });

    done();
  };

  // What `fastify-plugin` does: the hooks apply to the routes of the application that registers
  // the plugin, not only inside the plugin's own encapsulated scope.
  return Object.assign(plugin, {
    [Symbol.for("skip-override")]: true,
    [Symbol.for("fastify.display-name")]: "@xmcp-dev/workos",
  });
}

/**
 * The path the guard decides on: the request's own, or, when that is not protected, the route
 * Fastify matched if that one is (the core's `protects` already covers the rewrites Fastify's
 * router makes, `/%6Dcp`, `//mcp`, `/mcp;x`; the matched route covers router options it does not
 * know). The raw path first: `request.routeOptions` builds an object on every read.
 */
function routedPathname(auth: WorkOSAuth, request: FastifyRequest): string {
  const raw = pathnameOf(request.url);
  if (auth.protects(raw)) return raw;
  const route = request.routeOptions.url;
  return route !== undefined && auth.protects(route) ? route : raw;
}

/** The methods an MCP endpoint answers (Streamable HTTP: POST, GET for the stream, DELETE to end a session), and the rest a route may add. */
const MCP_METHODS = ["POST", "GET", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD"] as const;

function send(reply: FastifyReply, answer: HttpAnswer): FastifyReply {
  for (const [name, value] of Object.entries(answer.headers)) {
    const existing = reply.getHeader(name);
    reply.header(name, name === "access-control-expose-headers" ? appendToHeaderList(existing, value) : value);
  }
  return reply.code(answer.status).send(answer.body === null ? undefined : JSON.stringify(answer.body));
}
