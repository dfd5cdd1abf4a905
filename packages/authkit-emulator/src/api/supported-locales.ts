/**
 * The locales WorkOS supports: the enum of `CreateUserlandUserInviteOptionsDto` and
 * `ResendUserlandUserInviteOptionsDto` in `@workos/openapi-spec` (the same list in both), which is
 * also the docs' "Supported locales" table (`authkit/hosted-ui.mdx`) and `@workos-inc/node`'s
 * `Locale` type, value for value.
 *
 * - Invitations (`POST /user_management/invitations`, `.../{id}/resend`): anything else is the
 *   routes' 422 `invalid_request_parameters`, as the DTOs' enum makes it.
 * - Users (`PUT /user_management/users/{id}`): `UpdateUserlandUserDto.locale` is a bare string, and
 *   the route's 400 lists `invalid_locale`: a locale outside this list is that 400.
 */
export const SUPPORTED_LOCALES: ReadonlySet<string> = new Set([
  "af", "am", "ar", "bg", "bn", "bs", "ca", "cs", "da", "de", "de-DE", "el", "en", "en-AU", "en-CA", "en-GB",
  "en-US", "es", "es-419", "es-ES", "es-US", "et", "fa", "fi", "fil", "fr", "fr-BE", "fr-CA", "fr-FR", "fy",
  "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "it-IT", "ja", "jv", "ka", "kk", "km",
  "kn", "ko", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "nb", "ne", "nl", "nl-BE", "nl-NL", "nn", "no",
  "pa", "pl", "pt", "pt-BR", "pt-PT", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tr",
  "uk", "ur", "uz", "vi", "zh", "zh-CN", "zh-HK", "zh-TW", "zu",
]);
