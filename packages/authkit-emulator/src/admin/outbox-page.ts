import type { OutboxMessage } from "../store/types.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Message text comes from sign-in forms (the typed email), so everything is escaped. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function renderMessage(message: OutboxMessage): string {
  const code = message.code === undefined ? "" : `<p class="code" aria-label="Code">${escapeHtml(message.code)}</p>`;
  return `<li><article>
  <h2>${escapeHtml(message.subject)}</h2>
  <p class="meta">To <strong>${escapeHtml(message.to)}</strong> · <time datetime="${escapeHtml(message.sent_at)}">${escapeHtml(message.sent_at)}</time></p>
  ${code}
  <pre>${escapeHtml(message.text)}</pre>
</article></li>`;
}

/**
 * The local "inbox" for magic codes: newest first, refreshed every few seconds so a developer
 * can keep it open beside the login page.
 */
export function renderOutboxPage(messages: readonly OutboxMessage[]): string {
  const items = [...messages].reverse().map(renderMessage).join("\n");
  const body = items === "" ? `<p class="empty">No messages yet. Request a magic code on the login page.</p>` : `<ol>${items}</ol>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5">
<title>Outbox · AuthKit emulator (development only)</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2433; }
  header { background: #b42318; color: #fff; padding: .75rem 1.5rem; font-weight: 600; }
  main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
  ol { list-style: none; padding: 0; }
  article { background: #fff; border: 1px solid #d8dce3; border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin: 0; }
  .meta { color: #4b5565; margin: .25rem 0; }
  .code { font: 700 2rem/1.2 ui-monospace, monospace; letter-spacing: .3em; margin: .5rem 0; }
  pre { white-space: pre-wrap; margin: 0; font: inherit; }
  .empty { color: #4b5565; }
</style>
</head>
<body>
<header role="banner">AuthKit emulator · DEVELOPMENT ONLY · no real email is sent</header>
<main>
<h1>Outbox</h1>
${body}
</main>
</body>
</html>`;
}
