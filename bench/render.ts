/**
 * Re-renders `results/<name>.md` and `.svg` from `results/<name>.json` without measuring again,
 * after a change to the report's wording or the chart:
 * `node --experimental-transform-types --import ./bench/ts-imports.mjs bench/render.ts [name]`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderChart, renderMarkdown, summarize, type BenchRun } from "./report.js";

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
const name = process.argv[2] ?? "latest";
const run = JSON.parse(readFileSync(path.join(resultsDir, `${name}.json`), "utf8")) as BenchRun;
const rows = summarize(run);
writeFileSync(path.join(resultsDir, `${name}.md`), renderMarkdown(run, rows));
writeFileSync(path.join(resultsDir, `${name}.svg`), renderChart(run, rows));
process.stdout.write(`rendered bench/results/${name}.{md,svg}\n`);
