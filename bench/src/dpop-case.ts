// `dpop-proof`: the headers of one DPoP API call (`getDPoPHeaders`: a new proof with htm, htu, ath),
// against the floor of one ES256 signature with node:crypto over the same JSON. Target (issue 20):
// within 1.5x of the floor.
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type * as Ours from 'auth0-server-ts';
import type { Case } from './cases.js';
import { jarHandler } from './jar.js';

const URL_ = 'https://payments.example.com/accounts';
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.' + 'a'.repeat(600) + '.signature';

export async function dpopProofCase(ours: typeof Ours): Promise<Case> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const client = new ours.ServerClient<unknown>({
    domain: 'https://tenant.example.com',
    clientId: 'bench',
    clientSecret: 'bench-secret',
    secret: 'bench-cookie-secret-of-at-least-32-characters',
    cookieHandler: jarHandler,
    useDpop: true,
    dpopKeyPair: { privateKey, publicKey },
  });
  const headers = () => client.getDPoPHeaders({ method: 'GET', url: URL_, accessToken: ACCESS_TOKEN });

  const jwk = publicKey.export({ format: 'jwk' });
  const header = Buffer.from(
    JSON.stringify({
      alg: 'ES256',
      typ: 'dpop+jwt',
      jwk: { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y },
    }),
  ).toString('base64url');
  // The ath is a property of the token, not of the proof: the floor takes it as given.
  const ath = createHash('sha256').update(ACCESS_TOKEN).digest('base64url');
  const floor = () => {
    const payload = { iat: Math.floor(Date.now() / 1000), jti: randomUUID(), htm: 'GET', htu: URL_, ath };
    const input = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  };
  const isProof = (value: unknown) =>
    typeof value === 'string' && value.split('.').length === 3 && value.length > 200;

  return {
    name: 'dpop-proof',
    kind: 'ops',
    ours: headers,
    floor,
    allocBatch: 200,
    async verify(variant) {
      if (variant === 'floor') return isProof(floor());
      if (variant !== 'ours') return false;
      const h = await headers();
      return h.Authorization === `DPoP ${ACCESS_TOKEN}` && isProof(h.DPoP);
    },
  };
}
