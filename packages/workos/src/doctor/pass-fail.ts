import type { DoctorCheck } from "./types.js";

/** Small constructors so every check reads as a list of outcomes. */
export const pass = (id: string, summary: string): DoctorCheck => ({ id, status: "pass", summary });
export const fail = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: "fail", summary, fix });
export const warn = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: "warn", summary, fix });
export const skip = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: "skip", summary, fix });
