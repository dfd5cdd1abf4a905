import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import {
  createInvitation,
  getInvitation,
  getInvitationByToken,
  invitationState,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "../store/invitations.js";
import type { InvitationRecord } from "../store/types.js";
import { SUPPORTED_LOCALES } from "./supported-locales.js";
import { paginate, queryString } from "./pagination.js";

/**
 * `userManagement` invitations: send, get, find by token, list, resend, revoke, under
 * /user_management/invitations. The emulator sends no email: callers read `token` and
 * `accept_invitation_url` from the response, as they would from the WorkOS API.
 */
export function invitationsRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const serialize = (invitation: InvitationRecord): InvitationRecord => ({ ...invitation, state: invitationState(ctx, invitation) });

  router.get("/user_management/invitations", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const invitations = listInvitations(ctx, {
      organizationId: queryString(query, "organization_id"),
      email: queryString(query, "email"),
    });
    res.json(paginate(invitations, query, serialize));
  });

  router.post("/user_management/invitations", (req, res) => {
    const body = new BodyReader(req.body);
    const email = body.requiredEmail("email");
    const organizationId = body.optionalString("organization_id");
    const expiresInDays = body.optionalInteger("expires_in_days");
    const inviterUserId = body.optionalString("inviter_user_id");
    const roleSlug = body.optionalString("role_slug");
    readLocale(body);
    body.finish();
    const invitation = createInvitation(
      ctx,
      {
        email: email as string,
        organization_id: organizationId,
        expires_in_days: expiresInDays,
        inviter_user_id: inviterUserId,
        role_slug: roleSlug,
      },
      ctx.issuer,
    );
    res.status(201).json(serialize(invitation));
  });

  router.get("/user_management/invitations/by_token/:token", (req, res) => {
    res.json(serialize(getInvitationByToken(ctx, req.params.token)));
  });

  router.get("/user_management/invitations/:id", (req, res) => {
    res.json(serialize(getInvitation(ctx, req.params.id)));
  });

  router.post("/user_management/invitations/:id/resend", (req, res) => {
    const body = new BodyReader(req.body);
    readLocale(body);
    body.finish();
    res.json(serialize(resendInvitation(ctx, getInvitation(ctx, req.params.id))));
  });

  router.post("/user_management/invitations/:id/revoke", (req, res) => {
    res.json(serialize(revokeInvitation(ctx, getInvitation(ctx, req.params.id))));
  });

  return router;
}

/** `locale` picks the email's language; the emulator sends none, but refuses what WorkOS refuses. */
function readLocale(body: BodyReader): void {
  const locale = body.optionalString("locale");
  if (locale !== undefined && !SUPPORTED_LOCALES.has(locale)) body.fail("locale", "locale_invalid");
}
