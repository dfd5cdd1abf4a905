import { html } from "../html.js";
import { layout, pendingField } from "./layout.js";

export interface OrganizationChoice {
  id: string;
  name: string;
  role: string;
}

export function organizationPage(input: { pendingId: string; email: string; organizations: OrganizationChoice[] }): string {
  return layout(
    "Choose an organization",
    html`<h1>Choose an organization</h1>
<p class="muted">${input.email} belongs to several organizations. Which one should this app act in?</p>
<form method="post" action="/login/organization">
${pendingField(input.pendingId)}
${input.organizations.map(
  (organization, index) =>
    html`<button type="submit" name="organization_id" value="${organization.id}" class="${index === 0 ? "" : "secondary"}"${index === 0 ? html` autofocus` : ""}>${organization.name} <span style="font-weight:400">(${organization.role})</span></button>`,
)}
</form>`,
  );
}
