import { describeAdapterApplication } from "./adapter-suite.js";

describeAdapterApplication("fastify", "fastify-server.ts", "xmcp's fastify adapter behind createFastifyPlugin()");
