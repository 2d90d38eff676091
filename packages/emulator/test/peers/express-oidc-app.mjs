// A web app on express-openid-connect, run as its own process with the emulator's CA in
// NODE_EXTRA_CA_CERTS. /me answers the logged-in user's claims, or 401.
import express from 'express';
import { auth } from 'express-openid-connect';

const { ISSUER, CLIENT_ID, CLIENT_SECRET, APP_PORT } = process.env;
const baseURL = `http://127.0.0.1:${APP_PORT}`;

const app = express();
app.use(
  auth({
    issuerBaseURL: ISSUER,
    baseURL,
    clientID: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    secret: 'a-session-secret-of-at-least-32-characters',
    authRequired: false,
    idpLogout: true,
    authorizationParams: { response_type: 'code', scope: 'openid profile email' },
  }),
);
app.get('/me', (req, res) => {
  if (!req.oidc.isAuthenticated()) return res.status(401).json({ user: null });
  res.json({ user: req.oidc.user });
});
app.use((error, _req, res, _next) => res.status(500).json({ error: error.name, message: error.message }));

const server = app.listen(Number(APP_PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
