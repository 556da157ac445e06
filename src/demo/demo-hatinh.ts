import {
  camera,
  dateIn,
  demoPhone,
  householdOwner,
  householdTiers,
  near,
  type DemoCamera,
  type UnitIdOf,
} from './demo-camera-kit';
import { oldHaTinhWards, thachHaCommunes, thachTriVillages } from './demo-places-hatinh';
import { seededRandom } from './demo-random';

// Hà Tĩnh: huyện Thạch Hà covered all 22 communes with 336 cameras for 3.5 billion VND by
// 11/2020, xã Thạch Trị raised ~150 million VND in two months for 16 cameras in its 7 villages,
// and thành phố Hà Tĩnh has 500 ward cameras plus 1,000+ household and business cameras
// turned to the street. Cameras sit in today's units; addresses name the old commune.

const fundedByResidents = 'xã hội hóa';
const thachTriCameraCount = 16;
const thachTriTotalVnd = 150_000_000;
const thachHaCameraCount = 336;
const thachHaTotalVnd = 3_500_000_000;

/** 16 cameras across the 7 villages: three in each of the two largest, two in the others. */
function thachTriCameras(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('thach-tri');
  const perVillage = [3, 3, 2, 2, 2, 2, 2];
  const cost = thachTriTotalVnd / thachTriCameraCount;
  return thachTriVillages.flatMap(([code, name, lat, lng], villageIndex) =>
    Array.from({ length: perVillage[villageIndex]! }, (_, index) => {
      const place = near(random, lat, lng, 0.0015);
      return camera({
        code: `TT-${code.slice(-2)}-${index + 1}`,
        name: `Thôn ${name} — camera ${index + 1}`,
        ownerKind: 'ward',
        ownerName: 'UBND xã Thạch Trị (nay thuộc xã Đồng Tiến)',
        jurisdictionId: unit(code),
        address: `Thôn ${name}, xã Thạch Trị cũ, huyện Thạch Hà`,
        latitude: place.lat,
        longitude: place.lng,
        heading: random.integer(0, 359),
        fov: 90,
        rangeM: 70,
        consentTier: 'live_always',
        installedOn: dateIn(random, 2020, 9, 10),
        fundingSource: fundedByResidents,
        costVnd: cost,
      });
    }),
  );
}

/** The other 21 communes of Thạch Hà share the remaining 320 cameras and 3.35 billion VND. */
function thachHaCameras(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('thach-ha');
  const others = thachHaCommunes.filter(([code]) => code !== '18505');
  const count = thachHaCameraCount - thachTriCameraCount;
  const cost = (thachHaTotalVnd - thachTriTotalVnd) / count;
  const cameras: DemoCamera[] = [];
  others.forEach(([code, name, kind, lat, lng, successor], index) => {
    const share = Math.floor(count / others.length) + (index < count % others.length ? 1 : 0);
    for (let n = 1; n <= share; n++) {
      const place = near(random, lat, lng, 0.006);
      cameras.push(
        camera({
          code: `TH-${code}-${String(n).padStart(2, '0')}`,
          name: `${kind === 'xã' ? 'Xã' : 'Thị trấn'} ${name} — camera ${n}`,
          ownerKind: 'ward',
          ownerName: `UBND ${kind} ${name} (cũ)`,
          jurisdictionId: unit(successor),
          address: `${kind} ${name} cũ, huyện Thạch Hà`,
          latitude: place.lat,
          longitude: place.lng,
          heading: random.integer(0, 359),
          fov: 90,
          rangeM: 70,
          status: random.next() < 0.93 ? 'online' : 'offline',
          consentTier: 'live_always',
          installedOn: dateIn(random, 2020, 3, 11),
          fundingSource: fundedByResidents,
          costVnd: cost,
        }),
      );
    }
  });
  return cameras;
}

const cityWards = oldHaTinhWards;

/** 500 ward security cameras at junctions and public places of the city. */
function cityWardCameras(unit: UnitIdOf): DemoCamera[] {
  const random = seededRandom('ha-tinh-city');
  const total = 500;
  const cameras: DemoCamera[] = [];
  cityWards.forEach(([code, name, lat, lng, today], index) => {
    const share = Math.floor(total / cityWards.length) + (index < total % cityWards.length ? 1 : 0);
    for (let n = 1; n <= share; n++) {
      const place = near(random, lat, lng, 0.0035);
      cameras.push(
        camera({
          code: `HT-${code}-${String(n).padStart(3, '0')}`,
          name: `Phường ${name} — nút giao ${n}`,
          ownerKind: 'ward',
          ownerName: `UBND phường ${name} (cũ)`,
          jurisdictionId: unit(today),
          address: `Phường ${name} cũ, thành phố Hà Tĩnh`,
          latitude: place.lat,
          longitude: place.lng,
          heading: random.integer(0, 359),
          fov: 85,
          rangeM: 90,
          status: random.next() < 0.95 ? 'online' : 'offline',
          consentTier: 'live_always',
          installedOn: dateIn(random, random.pick([2019, 2020, 2021])),
          fundingSource: random.next() < 0.7 ? fundedByResidents : 'ngân sách phường',
          costVnd: random.integer(8, 14) * 1_000_000,
        }),
      );
    }
  });
  return cameras;
}

/** Households, shops and offices that turned a camera to the street: 1,000+ in the article. */
function cityPremisesCameras(unit: UnitIdOf, count: number): DemoCamera[] {
  const random = seededRandom('ha-tinh-premises');
  return Array.from({ length: count }, (_, index) => {
    const [, wardName, lat, lng, today] = random.pick(cityWards);
    const roll = random.next();
    const ownerKind = roll < 0.7 ? 'household' : roll < 0.95 ? 'business' : 'agency';
    const ownerName =
      ownerKind === 'household'
        ? householdOwner(random)
        : ownerKind === 'business'
          ? `Cửa hàng số ${index + 1}`
          : `Cơ quan số ${index + 1}`;
    const place = near(random, lat, lng, 0.004);
    return camera({
      code: `HT-PREM-${String(index + 1).padStart(4, '0')}`,
      name: `${ownerName} — hướng ra đường`,
      ownerKind,
      ownerName,
      ownerPhone: demoPhone(random),
      jurisdictionId: unit(today),
      address: `Phường ${wardName} cũ, thành phố Hà Tĩnh`,
      latitude: place.lat,
      longitude: place.lng,
      heading: random.integer(0, 359),
      fov: random.pick([90, 100, 110]),
      rangeM: random.integer(15, 40),
      status: random.next() < 0.9 ? 'online' : 'offline',
      consentTier: random.pick(householdTiers),
      signagePosted: random.next() < 0.5,
      installedOn: dateIn(random, random.pick([2020, 2021, 2022, 2023])),
      costVnd: random.integer(12, 40) * 100_000,
    });
  });
}

export function haTinhCameras(unit: UnitIdOf, premisesCount: number): DemoCamera[] {
  return [
    ...thachTriCameras(unit),
    ...thachHaCameras(unit),
    ...cityWardCameras(unit),
    ...cityPremisesCameras(unit, premisesCount),
  ];
}
