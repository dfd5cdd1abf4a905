import xmcpWorker from "../worker.js";
import { workos } from "./auth";

/**
 * The Worker wrangler runs (`main` in wrangler.jsonc): xmcp's generated `worker.js` behind the
 * discovery documents, the challenge and the caller's session.
 */
export default workos.worker(xmcpWorker);
