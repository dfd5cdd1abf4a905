import { newId } from "./ids.js";
import { isoNow, type StoreContext } from "./store-context.js";
import type { OutboxMessage } from "./types.js";

/**
 * Every magic-code request by an unauthenticated browser appends a message, and the outbox is
 * persisted state: it keeps only the newest messages so it (and the `--data` file) stay bounded.
 * A developer reads the last few; a thousand is plenty.
 */
export const OUTBOX_MAX_MESSAGES = 1_000;

export function listOutbox(ctx: Pick<StoreContext, "state">): readonly OutboxMessage[] {
  return ctx.state.outbox;
}

/**
 * Appends a message to the development outbox, dropping the oldest beyond
 * {@link OUTBOX_MAX_MESSAGES}, and saves.
 *
 * @example
 * deliverToOutbox(ctx, { to, subject, text, code });
 */
export function deliverToOutbox(ctx: StoreContext, message: Omit<OutboxMessage, "id" | "sent_at">): OutboxMessage {
  const delivered = { id: newId("email"), ...message, sent_at: isoNow(ctx) };
  const { outbox } = ctx.state;
  outbox.push(delivered);
  if (outbox.length > OUTBOX_MAX_MESSAGES) outbox.splice(0, outbox.length - OUTBOX_MAX_MESSAGES);
  ctx.save();
  return delivered;
}
