// A NestJS application (Express platform) serving the example's tools through xmcp's `nestjs`
// adapter, with @xmcp-dev/workos in front as Express middleware: what the README's NestJS section
// shows. Decorators are applied as calls so Node runs the file as is; XMCP_ADAPTER names the built
// `.xmcp/adapter/index.js`.
import "reflect-metadata";
import { createRequire } from "node:module";
import { Controller, Module, type Type } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { createExpressMiddleware, createWorkOSAuth } from "@xmcp-dev/workos/express";
import { emulatorOptions } from "./emulator-options.ts";

const { XmcpController, XmcpService } = createRequire(import.meta.url)(process.env.XMCP_ADAPTER!) as {
  XmcpController: Type;
  XmcpService: Type;
};

class McpController extends XmcpController {}
Controller("mcp")(McpController);

class AppModule {}
Module({ controllers: [McpController], providers: [XmcpService] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
app.use(createExpressMiddleware(createWorkOSAuth(emulatorOptions(process.env))));
await app.listen(Number(new URL(process.env.BASE_URL!).port), "127.0.0.1");
