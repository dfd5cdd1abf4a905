import type { DoctorReport, DoctorStatus } from "./types.js";

const MARKS: Record<DoctorStatus, string> = { pass: "✓", fail: "✗", warn: "!", skip: "-" };

/** One line per check, its fix indented below it; the last line sums up. */
export function formatReport(report: DoctorReport): string {
  const lines = report.checks.flatMap((check) => [
    `${MARKS[check.status]} ${check.summary}`,
    ...(check.fix && check.status !== "pass" ? [`    → ${check.fix}`] : []),
  ]);
  const count = (status: DoctorStatus) => report.checks.filter((check) => check.status === status).length;
  lines.push("", `${count("pass")} ok · ${count("fail")} to fix · ${count("warn")} warnings · ${count("skip")} not checked`);
  return lines.join("\n");
}
