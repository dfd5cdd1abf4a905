export { ensureSigningKey } from "./ensure-signing-key.js";
export { rotateSigningKey, type SigningKeyRotation } from "./rotate-signing-key.js";
export { publishedJwks, findActiveSigningKey } from "./published-signing-keys.js";
export { importSigningKey } from "./signing-key-material.js";
