import { describe, expect, it } from 'vitest';
import { RequestError } from '../../src/errors/index.js';
import { createFunnelFetch, parseRetryAfter, type FetchLike } from '../../src/http/index.js';

const noSleep = async () => undefined;

function counting(responses: Array<() => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(`${init.method ?? 'GET'} ${url}`);
    const next = responses[Math.min(calls.length - 1, responses.length - 1)];
    if (!next) throw new Error('no response scripted');
    return next();
  };
  return { fetch, calls };
}

describe('createFunnelFetch', () => {
  it('answers a request whose body arrives in time', async () => {
    const { fetch } = counting([() => Response.json({ ok: true })]);
    const res = await createFunnelFetch({ fetch, timeoutMs: 1000 })('https://as.example/x', {
      method: 'GET',
    });
    expect(await res.json()).toEqual({ ok: true });
  });

  it('fails with request_timeout when the server never answers', async () => {
    const hang: FetchLike = () => new Promise<Response>(() => undefined);
    const started = Date.now();
    const err = await createFunnelFetch({ fetch: hang, timeoutMs: 50 })('https://as.example/token', {
      method: 'POST',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'request_timeout' });
    // Bounded, not fast: without the deadline the call never settles (a busy machine may run the timer late).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails with request_timeout when the headers arrive but the body stalls', async () => {
    const stalled: FetchLike = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"access')) }), {
        headers: { 'content-type': 'application/json' },
      });
    const err = await createFunnelFetch({ fetch: stalled, timeoutMs: 50 })('https://as.example/token', {
      method: 'POST',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'request_timeout' });
  });

  it('aborts the underlying request when the deadline passes', async () => {
    let seen: AbortSignal | undefined;
    const hang: FetchLike = (_url, init) => {
      seen = init.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    await createFunnelFetch({ fetch: hang, timeoutMs: 20 })('https://as.example/x', { method: 'GET' }).catch(
      () => undefined,
    );
    expect(seen?.aborted).toBe(true);
  });

  it('turns a connection failure into request_failed without the query string', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const err = await createFunnelFetch({ fetch: refused, timeoutMs: 100, retries: 0 })(
      'https://as.example/authorize?code=secret-code-value',
      { method: 'GET' },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'request_failed' });
    expect(JSON.stringify(err) + String(err) + (err instanceof Error ? err.stack : '')).not.toContain(
      'secret-code-value',
    );
  });

  it('retries a GET after a 503 and returns the later answer', async () => {
    const { fetch, calls } = counting([
      () => new Response('busy', { status: 503 }),
      () => Response.json({ a: 1 }),
    ]);
    const res = await createFunnelFetch({ fetch, timeoutMs: 100, sleep: noSleep })(
      'https://as.example/jwks',
      {
        method: 'GET',
      },
    );
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('never retries a POST, which may have rotated a refresh token', async () => {
    const { fetch, calls } = counting([() => new Response('oops', { status: 502 }), () => Response.json({})]);
    const res = await createFunnelFetch({ fetch, timeoutMs: 100, sleep: noSleep })(
      'https://as.example/token',
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(502);
    expect(calls).toHaveLength(1);
  });

  it('waits the Retry-After of a 429 before retrying a GET', async () => {
    const waits: number[] = [];
    const { fetch } = counting([
      () => new Response('', { status: 429, headers: { 'retry-after': '2' } }),
      () => Response.json({}),
    ]);
    const sleep = async (ms: number) => void waits.push(ms);
    await createFunnelFetch({ fetch, timeoutMs: 100, sleep })('https://as.example/x', { method: 'GET' });
    expect(waits).toEqual([2000]);
  });

  it('returns a 429 whose Retry-After is too long instead of waiting', async () => {
    const { fetch, calls } = counting([
      () => new Response('', { status: 429, headers: { 'retry-after': '600' } }),
    ]);
    const res = await createFunnelFetch({ fetch, timeoutMs: 100, sleep: noSleep })('https://as.example/x', {
      method: 'GET',
    });
    expect(res.status).toBe(429);
    expect(calls).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTen)).toBeGreaterThanOrEqual(9);
  });
});
