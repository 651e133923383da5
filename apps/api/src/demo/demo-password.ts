/**
 * The demo accounts' password. It is public (README, tests), so the password rule refuses it for
 * every account an admin makes; only the demo data sets it (common/password-policy.ts).
 */
export const DEMO_PASSWORD = 'olievlek-demo';
