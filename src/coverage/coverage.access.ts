import type { Role } from '../auth/actor';

// Who may plan coverage. Planning is the ward's and the city's work: police, officials and
// administrators change it, auditors read it; camera owners see none of it.

export const planningReaders = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
  'auditor',
] as const satisfies readonly Role[];

export const planningWriters = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
] as const satisfies readonly Role[];
