/** Start the real loopback web host (`node out/main/web.js`) on a workspace folder and parse its URL. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const WEB_HOST_ENTRY = join(ROOT, 'out/main/web.js');

export interface RunningHost {
  /** `http://127.0.0.1:PORT/#token=…` as printed. */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

const ADDRESS = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/;

export async function startHost(folder: string): Promise<RunningHost> {
  if (!existsSync(WEB_HOST_ENTRY)) throw new Error(`${WEB_HOST_ENTRY} does not exist: build first (npm run build).`);
  // BENCH_STATIC_DIR serves another build of the renderer (to compare a change against the app).
  const staticDir = process.env['BENCH_STATIC_DIR'];
  // BENCH_HOST_NODE_ARGS: flags for the host's Node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env['BENCH_HOST_NODE_ARGS'] ?? '').split(' ').filter((a) => a.length > 0);
  const args = [...nodeArgs, WEB_HOST_ENTRY, '--workspace', folder, '--port', '0', ...(staticDir ? ['--static', staticDir] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const match = await new Promise<RegExpExecArray>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`The web host did not print its address within 20 s. ${stderr}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = ADDRESS.exec(out);
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The web host exited (code ${code}) before printing its address. ${stderr}`));
    });
  });
  const origin = match[1] ?? '';
  const token = match[2] ?? '';
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
