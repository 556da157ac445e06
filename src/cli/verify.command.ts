import { Command } from 'commander';

// Scaffold: `matthan verify PACKAGE.zip`, filled in by the evidence package work.
export function verifyCommand(): Command {
  return new Command('verify').description('check an evidence package').argument('<package>');
}
