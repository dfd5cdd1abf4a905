import type { OutboxMessage } from "../store/types.js";

/**
 * Every magic-code request by an unauthenticated browser appends a message, and the outbox is
 * persisted state: it keeps only the newest messages so it (and the `--data` file) stay bounded.
 * A developer reads the last few; a thousand is plenty.
 */
export const OUTBOX_MAX_MESSAGES = 1_000;

/**
 * Appends a message to the development outbox, dropping the oldest beyond {@link OUTBOX_MAX_MESSAGES}.
 *
 * @example
 * deliverToOutbox(ctx.state.outbox, { id, to, subject, text, code, sent_at });
 */
export function deliverToOutbox(outbox: OutboxMessage[], message: OutboxMessage): void {
  outbox.push(message);
  if (outbox.length > OUTBOX_MAX_MESSAGES) outbox.splice(0, outbox.length - OUTBOX_MAX_MESSAGES);
}
