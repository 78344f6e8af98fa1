/**
 * A real reverse proxy in front of several app processes: Debian's HAProxy, started with a
 * generated configuration on a free loopback port. The configuration is the one the README
 * recommends (`haproxyConfig`), so the test proves the recipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../server/free-port';

export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

export interface Backend {
  name: string;
  host: string;
  port: number;
}

/**
 * HTTP mode with WebSocket (HAProxy passes the Upgrade and then tunnels), sticky sessions by a
 * cookie for socket.io's long-polling (a polling session lives in one process), a TCP health
 * check so a dead process leaves the pool within about 2 s, and `retries` with `redispatch`, so
 * a connection refused by a dead process (before the check noticed) is tried on a live one.
 */
export function haproxyConfig(port: number, backends: Backend[], statsSocket?: string): string {
  return [
    'global',
    '  maxconn 4096',
    ...(statsSocket ? [`  stats socket ${statsSocket} mode 600 level admin`] : []),
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // An upgraded WebSocket may stay quiet for long between socket.io pings.
    '  timeout tunnel 1h',
    '  timeout http-request 10s',
    '  retries 3',
    '  option redispatch 1',
    'frontend sportello',
    `  bind 127.0.0.1:${port}`,
    '  default_backend apps',
    'backend apps',
    '  balance roundrobin',
    '  cookie SPORTELLO_NODE insert indirect nocache httponly',
    // A TCP check: is the process there? Not /api/health, which reports PostgreSQL and Redis:
    // during a database restart every process would leave the pool at once, and the clients
    // would get the proxy's HTML 503 instead of the API's JSON 503.
    '  default-server check inter 1s fall 2 rise 2',
    ...backends.map((b) => `  server ${b.name} ${b.host}:${b.port} check cookie ${b.name}`),
    '',
  ].join('\n');
}

export interface Proxy {
  url: string;
  port: number;
  child: ChildProcess;
  config: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startHaproxy(backends: Backend[]): Promise<Proxy> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  const config = haproxyConfig(port, backends);
  fs.writeFileSync(file, config);
  // -db: stay in the foreground; -W: master-worker, so a SIGTERM stops everything.
  const child = spawn(HAPROXY_BIN, ['-db', '-W', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${out}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (i > 300) throw new Error(`haproxy did not answer:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    config,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
