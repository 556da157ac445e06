import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/auth/actor';
import type { Harness } from '../helpers/harness';

// What every access-matrix case gets: the world of users, cameras and records it checks against.

export interface World {
  h: Harness;
  cookies: Record<Role, string>;
  userIds: Record<Role, string>;
  home: string;
  away: string;
  awayOwnerToken: string;
}

export type Call = {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};
export type Check = (
  world: World,
  role: Role,
  call: (c: Call) => Promise<LightMyRequestResponse>,
) => Promise<void>;

export const denied = (status: number) => status === 403 || status === 404;
