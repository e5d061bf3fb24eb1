import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';

let app: Awaited<ReturnType<typeof buildTestApp>>;
let port = 0;
beforeAll(async () => {
  app = await buildTestApp({ REQUEST_TIMEOUT_SECONDS: '2' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

describe('a client that trickles its request in', () => {
  it('is cut off after REQUEST_TIMEOUT_SECONDS instead of holding the connection', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const body = JSON.stringify({ email: 'slow@example.test', password: 'a long enough password' });
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const started = Date.now();
    let sent = 0;
    // One byte every 500 ms: the body would take half a minute.
    const trickle = setInterval(() => {
      if (sent < body.length && !socket.destroyed) socket.write(body[sent++] ?? '');
    }, 500);
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk.toString();
    });
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(elapsed).toBeLessThan(6000);
    expect(sent).toBeLessThan(body.length);
    // Node answers 408 Request Timeout before closing.
    expect(response).toMatch(/^HTTP\/1\.1 408/);
  });
});
