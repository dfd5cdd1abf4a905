/**
 * The login pages' stylesheet, inlined (no build step, no asset route). Colours meet WCAG AA:
 * body text #1b1f24 on white is 16:1, the primary button's white on #1d4ed8 is 6.7:1.
 */
export const LOGIN_STYLES = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f4f6}
.dev-banner{background:#fef3c7;color:#713f12;text-align:center;padding:.5rem 1rem;font-size:.875rem;border-bottom:1px solid #f59e0b}
main{max-width:26rem;margin:3rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d1d5db;border-radius:12px;padding:2rem;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}
p{margin:0 0 1rem}
.muted{color:#4b5563;font-size:.9375rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=email],input[type=password],input[type=text]{width:100%;padding:.625rem .75rem;font:inherit;color:inherit;border:1px solid #6b7280;border-radius:8px;background:#fff}
button{display:block;width:100%;margin-top:1rem;padding:.7rem 1rem;font:inherit;font-weight:600;border-radius:8px;cursor:pointer;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff}
button.secondary{background:#fff;color:#1d4ed8}
button.danger{background:#fff;color:#b91c1c;border-color:#b91c1c}
a{color:#1d4ed8}
code{white-space:nowrap}
code.uri{white-space:normal;overflow-wrap:anywhere}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
input:focus-visible{outline-offset:0}
.error{background:#fef2f2;border:1px solid #b91c1c;color:#7f1d1d;border-radius:8px;padding:.75rem;margin:0 0 1rem}
.divider{display:flex;align-items:center;gap:.75rem;color:#4b5563;font-size:.875rem;margin:1.25rem 0 0}
.divider::before,.divider::after{content:"";flex:1;border-top:1px solid #d1d5db}
dl{margin:1rem 0;display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;font-size:.9375rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
ul.scopes{margin:.5rem 0 1rem;padding-left:1.25rem}
.idp{border-top:6px solid #0f766e}
.badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.02em;text-transform:uppercase;color:#115e59;background:#ccfbf1;border-radius:999px;padding:.125rem .5rem;margin-bottom:.75rem}
`;
