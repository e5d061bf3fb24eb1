// A minimal HTTP/1.1 keep-alive client for load generation. A load generator shares the machine
// with the server it measures, so its own CPU per request matters: this one writes each request
// with one socket write and parses only the status, the headers it needs and the body, at a
// fraction of the cost of a general-purpose client.
import net from 'node:net';

export interface RawResponse {
  status: number;
  contentType: string;
  setCookie: string[];
  body: string;
}

interface Pending {
  resolve: (res: RawResponse) => void;
  reject: (error: Error) => void;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const REQUEST_TIMEOUT_MS = 30_000;

/** One keep-alive connection; requests on it are answered in order (no pipelining: one in flight). */
class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private closed = false;
  private readonly ready: Promise<void>;

  constructor(host: string, port: number, onClose: (c: Connection) => void) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk) => this.onData(chunk));
    const fail = (error: Error) => {
      this.closed = true;
      this.pending?.reject(error);
      this.pending = null;
      onClose(this);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  get busy(): boolean {
    return this.pending !== null || this.closed;
  }

  async send(head: string, body: string | undefined): Promise<RawResponse> {
    await this.ready;
    if (this.closed) throw new Error('connection closed');
    return new Promise((resolve, reject) => {
      // Bounded: a request unanswered after REQUEST_TIMEOUT_MS fails and its connection is dropped.
      const timer = setTimeout(() => {
        this.socket.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      this.pending = {
        resolve: (res) => {
          clearTimeout(timer);
          resolve(res);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf(CRLF2);
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const lines = head.split('\r\n');
    const status = Number(lines[0]?.slice(9, 12));
    let length = -1;
    let chunked = false;
    let contentType = '';
    const setCookie: string[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      else if (name === 'content-type') contentType = value;
      else if (name === 'set-cookie') setCookie.push(value);
      else if (name === 'transfer-encoding' && value.toLowerCase().includes('chunked')) chunked = true;
    }
    const start = end + 4;
    let body: string;
    let consumed: number;
    if (chunked) {
      const decoded = decodeChunked(this.buffer, start);
      if (!decoded) return;
      ({ body, consumed } = decoded);
    } else {
      const size = Math.max(0, length);
      if (this.buffer.length < start + size) return;
      body = this.buffer.toString('utf8', start, start + size);
      consumed = start + size;
    }
    this.buffer = this.buffer.subarray(consumed);
    const pending = this.pending;
    this.pending = null;
    pending?.resolve({ status, contentType, setCookie, body });
  }
}

function decodeChunked(buffer: Buffer, from: number): { body: string; consumed: number } | null {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
    const dataStart = lineEnd + 2;
    if (buffer.length < dataStart + size + 2) return null;
    if (size === 0) return { body: Buffer.concat(parts).toString('utf8'), consumed: dataStart + 2 };
    parts.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}

/** Connections to one origin: an idle one serves the next request, else a new one opens (up to `max`). */
export class Http1Pool {
  private readonly host: string;
  private readonly port: number;
  private readonly authority: string;
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly waiting: ((c: Connection) => void)[] = [];

  constructor(
    origin: string,
    private readonly max: number,
  ) {
    const url = new URL(origin);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.authority = url.host;
  }

  private open(): Connection {
    const c = new Connection(this.host, this.port, (gone) => {
      this.all.delete(gone);
      const i = this.idle.indexOf(gone);
      if (i >= 0) this.idle.splice(i, 1);
    });
    this.all.add(c);
    return c;
  }

  private acquire(): Promise<Connection> | Connection {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.all.size < this.max) return this.open();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: Connection) {
    const next = this.waiting.shift();
    if (!c.busy) {
      if (next) next(c);
      else this.idle.push(c);
    } else if (next) {
      // That connection died: a waiting request gets a fresh one.
      next(this.open());
    }
  }

  async request(method: string, path: string, headers: string, body?: string): Promise<RawResponse> {
    const c = await this.acquire();
    const length =
      body === undefined ? '' : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    const head = `${method} ${path} HTTP/1.1\r\nhost: ${this.authority}\r\n${headers}${length}\r\n`;
    try {
      return await c.send(head, body);
    } finally {
      this.release(c);
    }
  }

  async close(): Promise<void> {
    for (const c of this.all) c.close();
    this.all.clear();
    this.idle.length = 0;
  }
}
