import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import {
  UnreadablePackageError,
  verifyPackage,
  type VerifyLine,
  type VerifyReport,
} from '../evidence/package/verify';
import { CliError } from './common';

// `matthan verify PACKAGE.zip`: checks an evidence package with no server and no database.
// Exit 0 when every check passes, 1 when any fails (each named), 2 when the input is unreadable.

/** `OK   clips/1-CAM-001.mp4  sha256 …` or `FAIL clips/…  sha256 mismatch: …`. */
export function formatLine(line: VerifyLine): string {
  return `${line.ok ? 'OK  ' : 'FAIL'} ${line.file}  ${line.message}`;
}

export function formatReport(report: VerifyReport): string {
  const failed = report.lines.filter((line) => !line.ok).length;
  const subject = report.caseNumber
    ? `package ${report.packageId ?? '?'} (case ${report.caseNumber})`
    : 'package';
  const summary =
    failed === 0
      ? `${subject}: all ${report.lines.length} checks passed`
      : `${subject}: ${failed} of ${report.lines.length} checks failed`;
  return [...report.lines.map(formatLine), summary].join('\n') + '\n';
}

async function readKey(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${path}: no such key file` : `${path}: ${(error as Error).message}`,
      2,
    );
  }
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'check an evidence package: its signature, every file hash and custody chain; exits 0 ' +
        'when all pass, 1 naming each mismatch, 2 when the file cannot be read',
    )
    .argument('<package>', 'the package ZIP')
    .addOption(
      new Option(
        '--key <file>',
        'the public key you trust (PEM, from GET /api/evidence/public-key); without it the key ' +
          'inside the package is used, which proves integrity but not who signed',
      ),
    )
    .option('--json', 'print the report as JSON')
    .exitOverride()
    .action(async (path: string, options: { key?: string; json?: boolean }) => {
      const trustedKeyPem = options.key === undefined ? undefined : await readKey(options.key);
      let report: VerifyReport;
      try {
        report = await verifyPackage(path, { trustedKeyPem });
      } catch (error) {
        if (error instanceof UnreadablePackageError) throw new CliError(error.message, 2);
        throw error;
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
      );
      if (!report.ok) {
        const first = report.lines.find((line) => !line.ok);
        throw new CliError(
          `verification failed${first ? `: ${first.file} ${first.message}` : ''}`,
          1,
        );
      }
    });
}
