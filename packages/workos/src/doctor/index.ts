/** `@xmcp-dev/workos/doctor`: the checks behind `npx @xmcp-dev/workos doctor`, for scripts and CI. */
export { runDoctor } from "./run-doctor.js";
export { formatReport } from "./format-report.js";
export type { DoctorCheck, DoctorInput, DoctorReport, DoctorRuntime, DoctorStatus } from "./types.js";
