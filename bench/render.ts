/**
 * Re-renders `results/<name>.md` and `.svg` from `results/<name>.json` without measuring again,
 * after a change to the report's wording or the chart:
 * `node --experimental-transform-types --import ./bench/ts-imports.mjs bench/render.ts [name]`
 * (`fleet` re-renders the fleet simulation's `results/fleet.{md,svg}`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderFleetChart, renderFleetMarkdown, type FleetBench } from "./fleet-report.js";
import { renderChart, renderMarkdown, summarize, type BenchRun } from "./report.js";

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
const name = process.argv[2] ?? "latest";
const saved = JSON.parse(readFileSync(path.join(resultsDir, `${name}.json`), "utf8")) as unknown;
if (name === "fleet") {
  writeFileSync(path.join(resultsDir, "fleet.md"), renderFleetMarkdown(saved as FleetBench));
  writeFileSync(path.join(resultsDir, "fleet.svg"), renderFleetChart(saved as FleetBench));
} else {
  // Runs saved before the targets moved to the fresh-process sets have none.
  const run = saved as BenchRun;
  run.sets ??= [];
  const rows = summarize(run);
  writeFileSync(path.join(resultsDir, `${name}.md`), renderMarkdown(run, rows));
  writeFileSync(path.join(resultsDir, `${name}.svg`), renderChart(run));
}
process.stdout.write(`rendered bench/results/${name}.{md,svg}\n`);
