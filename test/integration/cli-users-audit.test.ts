import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'matthan.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function matthan(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, MATTHAN_SECRET_KEY: '', MATTHAN_DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each case starts the real CLI (a few seconds through tsx), so allow for a busy machine.
describe('matthan users and audit commands', { timeout: 60_000 }, () => {
  let dataDir = '';
  const withData = (...args: string[]) => [...args, '--data-dir', dataDir];
  const openDatabase = () => new SQLite(join(dataDir, 'matthan.sqlite'));

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'matthan-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the first admin with the password from stdin and prints its id', async () => {
    const run = await matthan(
      withData('users', 'create', '--username', 'root', '--role', 'admin'),
      'first-admin-password\n',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('creates an account in a unit given by its official code', async () => {
    const db = openDatabase();
    db.prepare(
      `insert into jurisdictions (id, code, name, search_text, level, kind, parent_id, path, valid_from, created_at)
       values ('u-xd', '00611', 'Xuân Đỉnh', 'xuan dinh', 'commune', 'phường', null, '/u-xd/', '2008-08-01', '2025-01-01')`,
    ).run();
    db.close();
    const args = withData(
      'users',
      'create',
      '--username',
      'police.xd',
      '--role',
      'ward_police',
      '--unit',
      '00611',
    );
    const run = await matthan(
      [...args, '--display-name', 'Công an phường', '--password-stdin'],
      'ward-police-password\n',
    );
    expect(run.code).toBe(0);
    const list = await matthan(withData('users', 'list'));
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/police\.xd\s+ward_police\s+Xuân Đỉnh\s+Công an phường/);
    expect(list.stdout).toMatch(/root\s+admin/);
  });

  it.each([
    [
      ['--username', 'Root', '--role', 'admin', '--password', 'long-enough-password'],
      /^matthan: username must be/,
    ],
    [
      ['--username', 'weak', '--role', 'admin', '--password', 'short'],
      /^matthan: password must be at least 10/,
    ],
    [
      ['--username', 'king', '--role', 'king', '--password', 'long-enough-password'],
      /^matthan: role must be one of/,
    ],
    [
      [
        '--username',
        'lost',
        '--role',
        'auditor',
        '--unit',
        '99999',
        '--password',
        'long-enough-password',
      ],
      /^matthan: no unit has the id or code 99999/,
    ],
    [
      ['--username', 'root', '--role', 'admin', '--password', 'long-enough-password'],
      /^matthan: username root is taken/,
    ],
    [
      ['--username', 'norole', '--password', 'long-enough-password'],
      /^matthan: required option '--role <role>'/,
    ],
  ])('refuses bad input %j with a one-line message and exit 1', async (args, message) => {
    const run = await matthan(withData('users', 'create', ...args));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help for each command', async () => {
    for (const command of [
      ['users', 'create'],
      ['users', 'list'],
      ['audit', 'verify'],
    ]) {
      const run = await matthan([...command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: matthan ${command.join(' ')}`);
      expect(run.stdout).toContain('--data-dir');
    }
  });

  it('verifies an intact log', async () => {
    const run = await matthan(withData('audit', 'verify'));
    expect(run.stdout).toBe('audit log intact: 2 events\n');
    expect(run.code).toBe(0);
  });

  it('exits 1 naming the first bad event after the database file was tampered with', async () => {
    const db = openDatabase();
    const original = db
      .prepare('select details from audit_events where seq = 1')
      .pluck()
      .get() as string;
    db.prepare('update audit_events set details = ? where seq = 1').run(
      '{"username":"someone-else"}',
    );
    db.close();
    const edited = await matthan(withData('audit', 'verify'));
    expect(edited.code).toBe(1);
    expect(edited.stderr).toBe('matthan: audit log broken at event 1: event 1 was modified\n');

    const repair = openDatabase();
    repair.prepare('update audit_events set details = ? where seq = 1').run(original);
    repair.prepare('delete from audit_events where seq = 2').run();
    repair.close();
    const truncated = await matthan(withData('audit', 'verify'));
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toBe(
      'matthan: audit log broken at event 2: event 2 is missing from the end of the log\n',
    );
  });
});
