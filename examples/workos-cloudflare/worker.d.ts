/** `worker.js` is written by `xmcp build --cf`: a Worker module whose fetch handler serves the MCP endpoint. */
declare const xmcpWorker: { fetch(request: Request, env: unknown, ctx: unknown): Promise<Response> };
export default xmcpWorker;
