import type { Role } from '../../src/auth/actor';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { Harness } from '../helpers/harness';
import { unitIds } from '../helpers/fixtures';

// A small street network inside the test ward Xuân Đỉnh (its square outline from
// `giveTestUnitsBoundaries`: ±0.006° around 21.0737, 105.7905; Tân Xuân 1 ±0.002° around
// 21.0752, 105.7871), and the cameras whose coverage the tests work out by hand.

type Position = [number, number];

export const line = (
  id: string,
  coordinates: Position[],
  properties: Record<string, unknown> = {},
) => ({ type: 'Feature', id, properties, geometry: { type: 'LineString', coordinates } });

export const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** A north–south road through the ward, about 890 m in four pieces. */
export const mainRoad = line(
  'way/1',
  [
    [105.7905, 21.07],
    [105.7905, 21.072],
    [105.7905, 21.074],
    [105.7905, 21.076],
    [105.7905, 21.078],
  ],
  { name: 'Xuân Đỉnh', highway: 'tertiary' },
);
/** An east–west lane inside Tân Xuân 1, about 260 m in two pieces. */
export const lane = line(
  'way/2',
  [
    [105.786, 21.0752],
    [105.78725, 21.0752],
    [105.7885, 21.0752],
  ],
  { name: 'Ngõ 12 Tân Xuân', highway: 'residential' },
);
/** An unnamed service way in the ward's east, about 208 m. */
export const serviceWay = line(
  'way/3',
  [
    [105.793, 21.072],
    [105.795, 21.072],
  ],
  { highway: 'service' },
);

export const wardNetwork = () => collection(mainRoad, lane, serviceWay);

export const cameraInput = (
  code: string,
  place: { latitude: number; longitude: number; heading: number; fov: number; rangeM: number },
  facts: Partial<CameraInput> = {},
): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'ward',
  jurisdictionId: unitIds.xuanDinh,
  status: 'online',
  consentTier: 'on_request',
  ...place,
  ...facts,
});

/** One signed-in user per name: role and home unit. */
export async function signIn(
  h: Harness,
  users: Record<string, { role: Role; unit: string | null }>,
): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const [name, { role, unit }] of Object.entries(users)) {
    // Usernames are stored in lower case.
    const username = `coverage.${name.toLowerCase()}`;
    await h.createUser({ username, role, jurisdictionId: unit });
    cookies[name] = await h.login(username);
  }
  return cookies;
}

export const planningUsers = {
  admin: { role: 'admin', unit: null },
  policeXd: { role: 'ward_police', unit: unitIds.xuanDinh },
  policeCn: { role: 'ward_police', unit: unitIds.coNhue },
  leaderTx1: { role: 'ward_official', unit: unitIds.tanXuan1 },
  auditor: { role: 'auditor', unit: unitIds.hanoi },
  owner: { role: 'camera_owner', unit: unitIds.tanXuan1 },
} as const satisfies Record<string, { role: Role; unit: string | null }>;
