// Deployment settings. The defaults suit the local stack and a deployment where the site and the
// API share one origin (CloudFront with the API as a second origin). For a site on its own domain,
// set API_BASE to the API's base URL (and list the site's origin in the template's AllowedOrigins).

/** Base URL of the HTTP API, '' for the same origin. */
export const API_BASE = '';

/**
 * Cognito hosted UI for staff sign-in, or null when staff paste a token (local stack).
 * Example: { domain: 'https://lanzhou-staff.auth.cn-northwest-1.amazoncognito.com', clientId: '...' }
 * The staff page sends the browser to the hosted UI and reads the id_token it returns.
 */
export const COGNITO = null;
