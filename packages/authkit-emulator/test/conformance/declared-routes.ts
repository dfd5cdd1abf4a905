import type { Router } from "express";

/**
 * Every `METHOD /path` a router declares, nested routers included, read from the router itself so
 * a conformance suite notices a route added without a case.
 *
 * @example
 * declaredRoutes(createApiRouter(ctx)); // ["GET /user_management/users", ...]
 */
export function declaredRoutes(router: Router): string[] {
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const routes: string[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) for (const path of paths) routes.push(`${method.toUpperCase()} ${path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return routes;
}
