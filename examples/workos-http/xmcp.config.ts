import type { XmcpConfig } from "xmcp";

const config: XmcpConfig = {
  http: {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.MCP_PORT ?? 3001),
    endpoint: "/mcp",
  },
  paths: { tools: "./src/tools", prompts: false, resources: false },
};

export default config;
