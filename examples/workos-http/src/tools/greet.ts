import { z } from "zod";
import type { InferSchema, ToolMetadata } from "xmcp";
import { getSession } from "@xmcp-dev/workos";

export const schema = {
  name: z.string().min(1).describe("Name to greet"),
};

export const metadata: ToolMetadata = {
  name: "greet",
  description: "Greets someone by name, signed with the caller's user id",
  annotations: { readOnlyHint: true },
};

export default async function greet({ name }: InferSchema<typeof schema>) {
  return `Hello, ${name}! Your user ID is ${getSession().userId}`;
}
