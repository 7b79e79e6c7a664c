/**
 * A fresh PostgreSQL database for a test run or a bench: a new database on TEST_DATABASE_URL when
 * set, else a throwaway cluster (initdb + pg_ctl) on loopback in a temp dir, stopped and deleted
 * afterwards. Never a remote host.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * Keep fsync and synchronous commit on (benchmarks: honest commit costs). Tests turn them off:
   * a throwaway cluster need not survive a power cut.
   */
  durable?: boolean;
}

const MISSING =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under ' +
  '/usr/lib/postgresql/*/bin. Install the Debian package "postgresql" ' +
  '(apt-get install -y postgresql), or set TEST_DATABASE_URL to a server you may create ' +
  'databases on.';

function findBinaries(): { initdb: string; pgCtl: string } {
  const onPath = (name: string) => {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    return found.status === 0 ? found.stdout.trim() : null;
  };
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  if (initdb && pgCtl) return { initdb, pgCtl };
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) throw new Error(MISSING);
  return {
    initdb: join(root, newest, 'bin', 'initdb'),
    pgCtl: join(root, newest, 'bin', 'pg_ctl'),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A database of its own on an existing server; dropped on stop. */
async function onExistingServer(adminUrl: string): Promise<TestDatabase> {
  const name = `waymark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A cluster of its own on loopback: initdb, pg_ctl start; stop deletes it. */
async function throwawayCluster(options: TestDatabaseOptions): Promise<TestDatabase> {
  const { initdb, pgCtl } = findBinaries();
  // PostgreSQL refuses to run as root: run it as the postgres user, in a dir that user owns.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : null;
  if (asRoot && !owner) {
    throw new Error(`Running as root needs the "postgres" user to run the cluster. ${MISSING}`);
  }
  const dir = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'waymark-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n` +
          `${result.stdout ?? ''}${result.stderr ?? ''}`,
      );
    }
  };
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    run(initdb, [
      '-D',
      data,
      '-U',
      'waymark',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
  } catch (error) {
    remove();
    throw error;
  }
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c max_connections=200',
    ...(options.durable
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ];
  const stopCluster = () => {
    try {
      run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  };
  try {
    run(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-o', settings.join(' '), '-w', 'start']);
  } catch (error) {
    remove();
    throw error;
  }
  // If the process dies without stop(), do not leave a server running.
  const onExit = () => {
    stopCluster();
    remove();
  };
  process.once('exit', onExit);
  const adminUrl = `postgres://waymark@127.0.0.1:${port}/postgres`;
  const database = await onExistingServer(adminUrl);
  return {
    url: database.url,
    async stop() {
      process.off('exit', onExit);
      stopCluster();
      remove();
    },
  };
}

export async function startTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return onExistingServer(url);
  return throwawayCluster(options);
}
