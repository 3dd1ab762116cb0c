// Two madoguchi servers on one PostgreSQL, for the browser tests of a city deployment: a
// throwaway cluster (Debian's postgresql, installed by scripts/setup.sh) made with initdb in a
// temporary directory and started with pg_ctl on a free loopback port, as
// scripts/test-postgres.sh does; the demo users and kiosk token (`init-demo`); server A on
// 127.0.0.1 and server B on 127.0.0.2, each `--peer` of the other. Two addresses, not two
// ports: cookies ignore the port, so only another host shows that the console really carries
// its sign-in over. Without PostgreSQL this fails with a sentence, never skips.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(host) {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The newest `/usr/lib/postgresql/<version>/bin` with initdb, or an error that says what to do. */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))).sort((a, b) => Number(a) - Number(b))
    : [];
  if (!versions.length) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh '
      + '(it installs Debian\'s postgresql package), then scripts/test-browser.sh again.');
  }
  return path.join(root, versions.at(-1), 'bin');
}

/** initdb and postgres refuse to run as root: as root they run as Debian's postgres user. */
function asPostgres() {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args], owner: null };
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { wrap: (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]], owner: { uid, gid } };
}

/** A throwaway PostgreSQL cluster: `{ url, stop() }`. */
export async function postgresCluster() {
  const bin = postgresBin();
  const { wrap, owner } = asPostgres();
  const dir = mkdtempSync('/tmp/madoguchi-web-pg.');
  chmodSync(dir, 0o755);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd, args) => {
    const [c, a] = wrap(path.join(bin, cmd), args);
    try {
      execFileSync(c, a, { stdio: 'pipe' });
    } catch (err) {
      const log = path.join(dir, 'postgres.log');
      throw new Error(`PostgreSQL ${cmd} failed: ${err.stderr || err.message}${existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : ''}`);
    }
  };
  const port = await freePort('127.0.0.1');
  run('initdb', ['-D', `${dir}/data`, '-U', 'madoguchi', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/postgres.log`, '-w', '-t', '60',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  return {
    url: `postgres://madoguchi@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Servers A (127.0.0.1) and B (127.0.0.2) on one PostgreSQL, each the other's `--peer`:
 * `{ a, b, kioskToken, close() }`; each server has `base`, `start()`, `kill()` (SIGKILL, as a
 * crash; `start()` again brings it back on the same address) and `log()`.
 */
export async function serverPair() {
  const bin = process.env.MADOGUCHI_SERVER_BIN || path.join(ROOT, 'target/debug/madoguchi-server');
  const pg = await postgresCluster();
  const dir = mkdtempSync('/tmp/madoguchi-web-pair.');
  try {
    const envFile = path.join(dir, 'demo.env');
    execFileSync(bin, ['init-demo', '--db', pg.url, '--out', envFile], { cwd: ROOT, stdio: 'pipe' });
    const env = Object.fromEntries(readFileSync(envFile, 'utf8').split('\n')
      .filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const hosts = { a: '127.0.0.1', b: '127.0.0.2' };
    const ports = { a: await freePort(hosts.a), b: await freePort(hosts.b) };
    const base = (k) => `http://${hosts[k]}:${ports[k]}`;
    const server = (k, peer) => {
      const logPath = path.join(dir, `server-${k}.log`);
      const log = openSync(logPath, 'a');
      let child = null;
      const srv = {
        name: k.toUpperCase(),
        base: base(k),
        log: () => readFileSync(logPath, 'utf8'),
        async start() {
          child = spawn(bin, ['serve', '--db', pg.url, '--listen', `${hosts[k]}:${ports[k]}`, '--public-url', base(k),
            '--open-all-hours', '--peer', base(peer)], { cwd: ROOT, stdio: ['ignore', log, log] });
          srv.exited = new Promise((resolve) => child.once('exit', resolve));
          for (let i = 0; i < 150; i += 1) {
            if (child.exitCode !== null) throw new Error(`server ${srv.name} stopped during start-up:\n${srv.log()}`);
            try {
              if ((await fetch(`${base(k)}/api/health`)).ok) return;
            } catch {
              // not listening yet
            }
            await new Promise((r) => setTimeout(r, 200));
          }
          throw new Error(`server ${srv.name} did not answer on ${base(k)}:\n${srv.log()}`);
        },
        async kill() {
          if (!child || child.exitCode !== null) return;
          child.kill('SIGKILL');
          await srv.exited;
          child = null;
        },
      };
      return srv;
    };
    const a = server('a', 'b');
    const b = server('b', 'a');
    await a.start();
    await b.start();
    return {
      a,
      b,
      kioskToken: env.MADOGUCHI_KIOSK_TOKEN,
      async close() {
        await a.kill();
        await b.kill();
        pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
