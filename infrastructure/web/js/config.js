// Deployment settings, in the shape infrastructure/scripts/publish-web writes for a deployment
// (from the stack's outputs); the local stack answers /js/config.js itself, with OIDC pointing at
// its own provider. This file is what a plain copy of the folder serves: the same origin for the
// API and no sign-in provider (staff paste a token).

/** Base URL of the HTTP API, '' for the same origin. */
export const API_BASE = '';

/**
 * The staff sign-in provider (OpenID Connect, authorization code with PKCE), or null.
 * Example: { "authority": "https://id.example.gov.cn", "clientId": "...",
 * "scope": "openid email profile" }; the staff page's URL must be one of the client's redirect URIs.
 */
export const OIDC = null;
