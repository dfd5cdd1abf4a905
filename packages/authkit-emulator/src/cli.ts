#!/usr/bin/env node
import { renderBanner } from "./cli/banner.js";
import { consoleLogger } from "./cli/console-logger.js";
import { CliUsageError, parseCliArgs, USAGE } from "./cli/parse-cli-args.js";
import { EmulatorStartupError } from "./emulator-startup-error.js";
import { startEmulator } from "./start-emulator.js";

async function main(): Promise<void> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`authkit-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (command.kind === "help") {
    console.log(USAGE);
    return;
  }

  const options = { ...command.options, logger: consoleLogger };
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    if (!(error instanceof EmulatorStartupError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(renderBanner(emulator, { dataPath: options.data, autoLogin: emulator.context.autoLogin }));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info(`${signal} received, stopping.`);
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`authkit-emulator: failed to start (${detail})`);
  process.exit(1);
});
