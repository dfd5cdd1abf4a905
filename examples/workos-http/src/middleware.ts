import type { Middleware } from "xmcp";
const m: Middleware = (req, _res, next) => { next(); };
export default m;
