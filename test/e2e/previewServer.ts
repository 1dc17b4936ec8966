/**
 * Builds the editor with the repository's Vite config into a temporary directory and serves it with
 * `vite preview`, spawned as a plain `node` process so that killing its pid stops the server (no npx parent).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface PreviewServer {
  url: string;
  /** The built page's folder (index.html, assets/, .vite/manifest.json), removed by `close`. */
  outDir: string;
  close(): Promise<void>;
}

function run(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [VITE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite ${args[0]} exited with ${code}:\n${output}`))));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(force); done(); });
    child.kill('SIGTERM');
  });
}

/**
 * Resolves with the address `vite preview` prints once it listens. The server binds port 0 itself and the OS picks
 * the port, so no other process can take it between choosing and binding (as it could when a port was probed free
 * first, then passed to the server).
 */
function waitForAddress(child: ChildProcess, log: () => string): Promise<string> {
  return new Promise((done, fail) => {
    const onData = () => {
      // eslint-disable-next-line no-control-regex -- colours, when the output is a terminal
      const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log().replace(/\u001b\[[0-9;]*m/g, ''));
      if (match?.[1]) finish(() => done(match[1]!));
    };
    const onExit = (code: number | null) => finish(() => fail(new Error(`vite preview exited with ${code}:\n${log()}`)));
    const timer = setTimeout(() => finish(() => fail(new Error(`vite preview printed no address within 30 s:\n${log()}`))), 30_000);
    const finish = (then: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      then();
    };
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Runs `vite build`, then `vite preview` on a port the OS picks; resolves once it listens. */
export async function startPreview(): Promise<PreviewServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'llct-e2e-'));
  try {
    await run(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
  const child = spawn(process.execPath, [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  const close = async () => {
    await stop(child);
    rmSync(outDir, { recursive: true, force: true });
  };
  let url: string;
  try {
    url = await waitForAddress(child, () => output);
  } catch (e) {
    await close();
    throw e;
  }
  return { url, outDir, close };
}
