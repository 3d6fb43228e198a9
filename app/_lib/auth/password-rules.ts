/** Shared by the auth server config and the sign-up form (browser-safe). */
export const MIN_PASSWORD_LENGTH = 10;
