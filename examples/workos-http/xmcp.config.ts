import type { XmcpConfig } from "xmcp";

const config: XmcpConfig = {
  http: {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.MCP_PORT ?? 3001),
    endpoint: "/mcp",
    // xmcp reads, inflates and parses every request body before any middleware runs, a request
    // without a token included: this caps what an anonymous gzip body can cost (xmcp's default is 10 MB).
    bodySizeLimit: 1024 * 1024,
  },
  paths: { tools: "./src/tools", prompts: false, resources: false },
};

export default config;
