import { generateKeyPair } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type * as Forge from 'node-forge';

// node-forge is CommonJS whose exports ESM cannot name statically, and its types declare no default.
const forge: typeof Forge = createRequire(import.meta.url)('node-forge');

/** The development CA's certificate, the file developers point NODE_EXTRA_CA_CERTS at. */
export const CA_CERT_FILE = 'ca.pem';
const CA_KEY_FILE = 'ca-key.pem';
const SERVER_KEY_FILE = 'server-key.pem';

const CA_YEARS = 10;
// Browsers refuse server certificates valid for more than 398 days.
const SERVER_DAYS = 397;

/** A certificate and its private key, both PEM. */
export interface PemPair {
  cert: string;
  key: string;
}

/** The local CA and a server certificate it signed, ready for `https.createServer`. */
export interface TlsMaterial {
  /** The CA certificate's path: what `NODE_EXTRA_CA_CERTS` names. */
  caFile: string;
  /** The CA certificate (PEM), for clients of this process that trust it directly. */
  ca: string;
  /** The server certificate (PEM), issued for `names` at this start. */
  cert: string;
  /** The server's private key (PEM). */
  key: string;
}

const generateRsa = promisify(generateKeyPair);

async function newRsaKey(): Promise<string> {
  const { privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return privateKey;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && Reflect.get(error, 'code') === 'ENOENT') return undefined;
    throw error;
  }
}

/** A random positive serial number (the high bit clear: DER integers are signed). */
function serial(): string {
  const bytes = forge.util.bytesToHex(forge.random.getBytesSync(16));
  return `0${bytes.slice(1)}`;
}

function certificate(keyPem: string, days: number): ReturnType<typeof forge.pki.createCertificate> {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serial();
  // An hour back, so a client whose clock lags a little still accepts it.
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
  return cert;
}

async function createCa(dir: string): Promise<PemPair> {
  const key = await newRsaKey();
  const cert = certificate(key, CA_YEARS * 365);
  const name = [
    { name: 'commonName', value: 'auth0-emulator development CA' },
    { name: 'organizationName', value: 'auth0-emulator (local development only)' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  // The key first: a CA file without its key would be an unusable half.
  await writeFile(join(dir, CA_KEY_FILE), key, { mode: 0o600 });
  await writeFile(join(dir, CA_CERT_FILE), pem, { mode: 0o644 });
  return { cert: pem, key };
}

/** The CA kept in `dir`, created (with `dir`) on first use. */
async function loadOrCreateCa(dir: string): Promise<PemPair> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const [cert, key] = await Promise.all([
    readOptional(join(dir, CA_CERT_FILE)),
    readOptional(join(dir, CA_KEY_FILE)),
  ]);
  return cert && key ? { cert, key } : createCa(dir);
}

async function loadOrCreateServerKey(dir: string): Promise<string> {
  const path = join(dir, SERVER_KEY_FILE);
  const existing = await readOptional(path);
  if (existing) return existing;
  const key = await newRsaKey();
  await writeFile(path, key, { mode: 0o600 });
  return key;
}

const IP = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The TLS material for a start: the development CA kept in `dir` (created once, so a developer trusts
 * it once) and a server certificate it signs for `names` (DNS names or IPv4 addresses), issued anew at
 * each start so a new host name needs no new CA. Keys are RSA 2048, generated with node:crypto; forge
 * writes the X.509.
 */
export async function tlsMaterial(dir: string, names: string[]): Promise<TlsMaterial> {
  const ca = await loadOrCreateCa(dir);
  const serverKey = await loadOrCreateServerKey(dir);
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const cert = certificate(serverKey, SERVER_DAYS);
  cert.setSubject([{ name: 'commonName', value: names[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [...new Set(names)].map((name) =>
        IP.test(name) ? { type: 7, ip: name } : { type: 2, value: name },
      ),
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.key), forge.md.sha256.create());
  return {
    caFile: join(dir, CA_CERT_FILE),
    ca: ca.cert,
    cert: forge.pki.certificateToPem(cert),
    key: serverKey,
  };
}
