import {
  camera,
  dateIn,
  demoPhone,
  demoStream,
  householdOwner,
  householdTiers,
  near,
  pointsAlong,
  type DemoCamera,
  type UnitIdOf,
} from './demo-camera-kit';
import { xuanDinhGroups } from './demo-places-hanoi';
import { seededRandom } from './demo-random';

// Hà Nội, phường Xuân Đỉnh: the article's 16 street cameras of Tân Xuân 1, the ward's 120
// agreed sites (60+ installed) along its five main roads, households, shops and a school,
// and Cao đẳng Du lịch Hà Nội next door. Road lines are drawn roughly, not surveyed.

const fundedByResidents = 'xã hội hóa';

/** The five main roads through the ward, as [lat, lng] polylines, and how many sites are installed. */
const mainRoads = [
  {
    name: 'Phạm Văn Đồng',
    line: [
      [21.0628, 105.7812],
      [21.0735, 105.7806],
      [21.0848, 105.7814],
    ],
    installed: 13,
  },
  {
    name: 'Xuân Đỉnh',
    line: [
      [21.0635, 105.7915],
      [21.0738, 105.7897],
      [21.0842, 105.7873],
    ],
    installed: 13,
  },
  {
    name: 'Võ Chí Công',
    line: [
      [21.0668, 105.8045],
      [21.0742, 105.8038],
      [21.0805, 105.8022],
    ],
    installed: 13,
  },
  {
    name: 'Xuân La',
    line: [
      [21.0641, 105.7932],
      [21.0662, 105.7985],
      [21.0688, 105.8041],
    ],
    installed: 12,
  },
  {
    name: 'Tân Xuân',
    line: [
      [21.0768, 105.7818],
      [21.0779, 105.7892],
      [21.0791, 105.7968],
    ],
    installed: 12,
  },
] as const;
const sitesPerRoad = 24;

/** 120 agreed sites; installed ones are spread evenly along each road, the rest still planned. */
function wardSites(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('xuan-dinh-sites');
  const cameras: DemoCamera[] = [];
  for (const road of mainRoads) {
    pointsAlong(road.line, sitesPerRoad).forEach((point, index) => {
      const installed =
        Math.floor(((index + 1) * road.installed) / sitesPerRoad) >
        Math.floor((index * road.installed) / sitesPerRoad);
      const number = cameras.length + 1;
      cameras.push(
        camera({
          code: `XD-${String(number).padStart(3, '0')}`,
          name: `Đường ${road.name} — điểm ${String(index + 1).padStart(2, '0')}`,
          ownerKind: 'ward',
          ownerName: 'UBND phường Xuân Đỉnh',
          jurisdictionId: unit('00611'),
          address: `Đường ${road.name}, phường Xuân Đỉnh`,
          latitude: point.lat,
          longitude: point.lng,
          heading: index % 2 === 0 ? point.along : (point.along + 180) % 360,
          fov: 80,
          rangeM: 80,
          status: installed
            ? random.pick(['online', 'online', 'online', 'online', 'offline', 'installed'] as const)
            : 'planned',
          consentTier: installed ? 'live_always' : 'registry_only',
          signagePosted: installed,
          installedOn: installed ? dateIn(random, random.pick([2022, 2023, 2024])) : null,
          fundingSource: fundedByResidents,
          costVnd: installed ? 12_000_000 : null,
          notes: installed ? null : 'Điểm đã thống nhất lắp camera, chờ vận động kinh phí',
        }),
      );
    });
  }
  return cameras;
}

/** Tân Xuân 1's street cameras recorded by the demo's recorder (the others are registry only). */
const recordedStreetCameras = 6;

/** Tân Xuân 1: 16 cameras on the main lanes of the group since 2021, on simulated streams. */
function groupStreetCameras(unit: UnitIdOf, simPort: number): DemoCamera[] {
  const random = seededRandom('tan-xuan-1');
  const lanes = [
    {
      name: 'Ngõ 27 Xuân Đỉnh',
      line: [
        [21.0739, 105.7856],
        [21.0766, 105.7861],
      ],
    },
    {
      name: 'Ngõ 59 Tân Xuân',
      line: [
        [21.0745, 105.7879],
        [21.0761, 105.7892],
      ],
    },
    {
      name: 'Ngõ 84 Tân Xuân',
      line: [
        [21.0758, 105.7846],
        [21.0762, 105.7886],
      ],
    },
  ] as const;
  const perLane = [6, 5, 5];
  return lanes.flatMap((lane, laneIndex) =>
    pointsAlong(lane.line, perLane[laneIndex]!).map((point, index) => {
      const number = perLane.slice(0, laneIndex).reduce((a, b) => a + b, 0) + index + 1;
      return camera({
        code: `TX1-${String(number).padStart(2, '0')}`,
        name: `${lane.name} — camera ${index + 1}`,
        ownerKind: 'residential_group',
        ownerName: 'Tổ dân phố Tân Xuân 1',
        jurisdictionId: unit('00611-TX1'),
        address: `${lane.name}, tổ dân phố Tân Xuân 1`,
        latitude: point.lat,
        longitude: point.lng,
        heading: index % 2 === 0 ? point.along : (point.along + 180) % 360,
        fov: 95,
        rangeM: 40,
        status: number === 7 || number === 12 ? 'offline' : 'online',
        consentTier: 'live_always',
        mainStreamUrl: demoStream(number, simPort),
        subStreamUrl: demoStream(number, simPort, true),
        recordingEnabled: number <= recordedStreetCameras,
        installedOn: dateIn(random, 2021, 3, 12),
        fundingSource: fundedByResidents,
        costVnd: 6_500_000,
      });
    }),
  );
}

/** Most households have cameras; a few per group, each pointing at its gate and the lane. */
function householdCameras(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('xuan-dinh-households');
  return xuanDinhGroups.flatMap((group) =>
    Array.from({ length: group.code === '00611-TX1' ? 24 : 8 }, (_, index) => {
      const place = near(random, group.lat, group.lng, 0.0016);
      const owner = householdOwner(random);
      return camera({
        code: `${group.code.replace('00611-', 'HD-')}-${String(index + 1).padStart(2, '0')}`,
        name: `Camera cổng nhà — ${owner}`,
        ownerKind: 'household',
        ownerName: owner,
        ownerPhone: demoPhone(random),
        jurisdictionId: unit(group.code),
        address: `Số ${random.integer(2, 120)}, tổ dân phố ${group.name}`,
        latitude: place.lat,
        longitude: place.lng,
        heading: random.integer(0, 359),
        fov: random.pick([90, 100, 110]),
        rangeM: random.integer(15, 30),
        status: random.next() < 0.9 ? 'online' : 'offline',
        consentTier: random.pick(householdTiers),
        signagePosted: random.next() < 0.6,
        installedOn: dateIn(random, random.pick([2020, 2021, 2022, 2023])),
        costVnd: random.integer(12, 30) * 100_000,
      });
    }),
  );
}

/** owner.demo's own cameras: a household in Tân Xuân 1 that registered itself. */
export function ownerDemoCameras(
  unit: UnitIdOf,
  ownerUserId: string,
  simPort: number,
): DemoCamera[] {
  const home = { lat: 21.07534, lng: 105.78702 };
  const views = [
    { name: 'Cổng trước', heading: 95, tier: 'on_request' },
    { name: 'Ngõ bên hông', heading: 190, tier: 'live_on_alarm' },
    { name: 'Sân sau', heading: 300, tier: 'registry_only' },
  ] as const;
  return views.map((view, index) =>
    camera({
      code: `TX1-OWN-${index + 1}`,
      name: `Nhà chị Lan — ${view.name}`,
      ownerKind: 'household',
      ownerUserId,
      ownerName: 'Nguyễn Thị Lan',
      ownerPhone: '0900 000 017',
      jurisdictionId: unit('00611-TX1'),
      address: 'Số 15 ngõ 27 Xuân Đỉnh, tổ dân phố Tân Xuân 1',
      latitude: home.lat + index * 0.00004,
      longitude: home.lng + index * 0.00003,
      heading: view.heading,
      fov: 100,
      rangeM: 20,
      consentTier: view.tier,
      mainStreamUrl: demoStream(17 + index, simPort),
      subStreamUrl: demoStream(17 + index, simPort, true),
      // The front gate is recorded, so owner.demo sees recording on a camera of their own.
      recordingEnabled: index === 0,
      installedOn: '2023-05-20',
      costVnd: 1_800_000,
    }),
  );
}

const shops = [
  ['business', 'Siêu thị mini Tân Xuân'],
  ['business', 'Nhà thuốc Minh Châu'],
  ['business', 'Quán cà phê Góc Phố'],
  ['business', 'Cửa hàng điện máy Xuân Đỉnh'],
  ['business', 'Tiệm vàng Kim Long'],
  ['business', 'Gara ô tô Thành Đạt'],
  ['business', 'Nhà hàng Hương Sen'],
  ['business', 'Cửa hàng xe máy Hùng Dũng'],
  ['business', 'Tạp hóa Bình Minh'],
  ['business', 'Tiệm bánh Hạnh Phúc'],
  ['school', 'Trường THCS Xuân Đỉnh'],
  ['school', 'Trường Mầm non Xuân Đỉnh'],
  ['agency', 'Trụ sở UBND phường Xuân Đỉnh'],
] as const;

/** Shops, schools and offices that point a camera at the street. */
function premisesCameras(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('xuan-dinh-premises');
  return shops.map(([ownerKind, ownerName], index) => {
    const road = mainRoads[index % mainRoads.length]!;
    const point = pointsAlong(road.line, 13)[index]!;
    return camera({
      code: `XD-PREM-${String(index + 1).padStart(2, '0')}`,
      name: `${ownerName} — mặt đường`,
      ownerKind,
      ownerName,
      ownerPhone: demoPhone(random),
      jurisdictionId: unit('00611'),
      address: `Đường ${road.name}, phường Xuân Đỉnh`,
      latitude: point.lat + 0.0002,
      longitude: point.lng + 0.0002,
      heading: (point.along + 90) % 360,
      fov: 100,
      rangeM: 35,
      consentTier:
        ownerKind === 'business'
          ? random.pick(['on_request', 'live_on_alarm', 'registry_only'] as const)
          : 'live_on_alarm',
      installedOn: dateIn(random, random.pick([2021, 2022, 2023])),
      costVnd: random.integer(3, 9) * 1_000_000,
    });
  });
}

/** Cao đẳng Du lịch Hà Nội: campus, dormitory (300 boarders) and the lanes 2,000+ students rent in. */
function collegeCameras(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('college');
  const spots = [
    ['Cổng chính', 21.04868, 105.78402, 180, 'online'],
    ['Cổng phụ', 21.04921, 105.78465, 90, 'online'],
    ['Sân trường', 21.04902, 105.78391, 30, 'online'],
    ['Ký túc xá — lối vào', 21.04955, 105.78356, 250, 'online'],
    ['Ký túc xá — nhà để xe', 21.04971, 105.78382, 320, 'online'],
    ['Khu trọ sinh viên — ngõ 193', 21.05122, 105.78298, 10, 'online'],
    ['Khu trọ sinh viên — ngõ 215', 21.05188, 105.78441, 200, 'planned'],
    ['Khu trọ sinh viên — ngõ 241', 21.05243, 105.78362, 120, 'planned'],
    ['Đường Hoàng Quốc Việt — trước trường', 21.04832, 105.78455, 270, 'planned'],
    ['Bến xe buýt trước trường', 21.04819, 105.78366, 90, 'planned'],
  ] as const;
  return spots.map(([spot, lat, lng, heading, status], index) =>
    camera({
      code: `CDDL-${String(index + 1).padStart(2, '0')}`,
      name: `Cao đẳng Du lịch Hà Nội — ${spot}`,
      ownerKind: 'school',
      ownerName: 'Trường Cao đẳng Du lịch Hà Nội',
      ownerPhone: '0900 000 236',
      jurisdictionId: unit('00166'),
      address: '236 Hoàng Quốc Việt (phường Cổ Nhuế 1 cũ)',
      latitude: lat,
      longitude: lng,
      heading,
      fov: 90,
      rangeM: 60,
      status,
      consentTier: index < 3 ? 'live_on_alarm' : 'on_request',
      signagePosted: status !== 'planned',
      installedOn: status === 'planned' ? null : dateIn(random, 2022, 8, 12),
      fundingSource: 'nhà trường',
      costVnd: status === 'planned' ? null : 7_500_000,
    }),
  );
}

export function hanoiCameras(unit: UnitIdOf, simPort: number): DemoCamera[] {
  return [
    ...groupStreetCameras(unit, simPort),
    ...wardSites(unit),
    ...householdCameras(unit),
    ...premisesCameras(unit),
    ...collegeCameras(unit),
  ];
}
