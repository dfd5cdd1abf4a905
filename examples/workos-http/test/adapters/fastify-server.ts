// A Fastify application serving the example's tools through xmcp's `fastify` adapter, with
// @xmcp-dev/workos in front: what the README's Fastify section shows. Run by Node as is (its
// types are erasable); XMCP_ADAPTER names the built `.xmcp/adapter/index.js`.
import { createRequire } from "node:module";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { createFastifyPlugin, createWorkOSAuth } from "@xmcp-dev/workos/fastify";
import { emulatorOptions } from "./emulator-options.ts";

type XmcpHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
const { xmcpHandler } = createRequire(import.meta.url)(process.env.XMCP_ADAPTER!) as { xmcpHandler: XmcpHandler };

const app = Fastify();
await app.register(createFastifyPlugin(createWorkOSAuth(emulatorOptions(process.env))));
app.post("/mcp", xmcpHandler);
app.get("/mcp", xmcpHandler);
await app.listen({ host: "127.0.0.1", port: Number(new URL(process.env.BASE_URL!).port) });
