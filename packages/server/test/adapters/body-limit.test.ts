import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/adapters/core/index.js';
import { auth0 as webAuth0 } from '../../src/adapters/web.js';
import { BINDINGS, offlineOptions, startApp, type RunningApp } from './bindings.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CHUNK = new Uint8Array(16 * 1024).fill(0x61);
/** Far more than the limit: a reader that takes it whole is caught by the byte count. */
const HUGE = 32 * 1024 * 1024;

const TOO_LARGE = {
  error: 'invalid_request',
  errorDescription: `the request body must be at most ${MAX_BODY_BYTES} bytes`,
};

interface Answer {
  status: number;
  body: string;
  /** Bytes the client had handed to the connection when the answer came. */
  written: number;
}

/**
 * POSTs `total` bytes chunked (no Content-Length), writing only as fast as the server takes them
 * and no more once the answer has arrived.
 */
function postChunked(url: string, headers: Record<string, string>, total: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers });
    let written = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const at = written;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, written: at }));
      res.on('error', reject);
    });
    // Once answered, the server closing a connection whose body it will not read is expected.
    req.on('error', (err) => answered || reject(err));
    const pump = () => {
      while (!answered && written < total) {
        written += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe.each(BINDINGS)('%s: a request body over the limit', (binding) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(binding);
  });
  afterAll(() => app?.close());

  const routes = [
    ['/auth/backchannel-logout', FORM],
    ['/auth/mfa/verify', { 'content-type': 'application/json' }],
  ] as const;

  it.each(routes)('%s answers 413 from the route when Content-Length is over it', async (path, type) => {
    const res = await fetch(new URL(path, app.url), {
      method: 'POST',
      headers: { ...type, origin: app.url },
      body: 'a'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(TOO_LARGE);
    expect(app.errors).toEqual([]);
  });

  it.each(routes)('%s answers 413 to a chunked body and stops reading it', async (path, type) => {
    const answer = await postChunked(new URL(path, app.url).href, { ...type, origin: app.url }, HUGE);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(TOO_LARGE);
    // Socket buffers take a few MiB at most; a reader that went on would have taken all 32.
    expect(answer.written).toBeLessThan(HUGE / 2);
    expect(app.errors).toEqual([]);
  });

  it('still reads a body under the limit', async () => {
    const res = await fetch(new URL('/auth/backchannel-logout', app.url), {
      method: 'POST',
      headers: FORM,
      body: `logout_token=not.a.token&pad=${'a'.repeat(MAX_BODY_BYTES - 100)}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request' });
  });
});

describe('web: the body reader', () => {
  it('pulls no more than the limit (and a chunk) of a chunked body before answering 413', async () => {
    const auth = webAuth0({ ...offlineOptions, appBaseUrl: 'https://app.example.com' });
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= HUGE) return controller.close();
          pulled += CHUNK.length;
          controller.enqueue(CHUNK);
        },
        cancel: () => void (cancelled = true),
      },
      { highWaterMark: 0 },
    );
    const res = await auth.handle(
      new Request('https://app.example.com/auth/backchannel-logout', {
        method: 'POST',
        headers: FORM,
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res?.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + CHUNK.length);
    expect(cancelled).toBe(true);
  });
});
