/** What `auditLogs.createEvent` stored, through the emulator's admin API (`GET /_emulator/audit-events`). */
export async function auditEvents(emulatorURL: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${emulatorURL}/_emulator/audit-events`);
  if (!response.ok) throw new Error(`GET /_emulator/audit-events answered ${response.status}`);
  return ((await response.json()) as { data: Record<string, unknown>[] }).data;
}
