import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium (installed by `.ci/run`), headless. Running as root needs `--no-sandbox`;
 * the background-networking flags stop it calling Google services this closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
