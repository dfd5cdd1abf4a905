import { describeAdapterApplication } from "./adapter-suite.js";

describeAdapterApplication("nestjs", "nestjs-server.ts", "xmcp's nestjs adapter behind createExpressMiddleware() on Nest's Express platform");
