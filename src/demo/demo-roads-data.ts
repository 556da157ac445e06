// Phường Xuân Đỉnh's streets for the demo, drawn by hand inside the demo's outline of the ward:
// its five main roads (on the lines the demo's ward cameras stand along) and the alleys of its
// residential groups. Points are [lat, lng]; the geometry is plausible, not surveyed, and the
// ids are made up in OpenStreetMap's style.

export interface DemoWay {
  id: string;
  name: string;
  highway: string;
  points: [number, number][];
}

export const xuanDinhWays: DemoWay[] = [
  {
    id: 'way/900001',
    name: 'Phạm Văn Đồng',
    highway: 'primary',
    points: [
      [21.063, 105.7812],
      [21.066, 105.78102],
      [21.07, 105.7808],
      [21.0735, 105.7806],
      [21.0765, 105.78081],
      [21.0793, 105.781],
    ],
  },
  {
    id: 'way/900002',
    name: 'Xuân Đỉnh',
    highway: 'secondary',
    points: [
      [21.0635, 105.7915],
      [21.067, 105.79089],
      [21.0705, 105.79028],
      [21.0738, 105.7897],
      [21.0772, 105.78892],
      [21.0806, 105.78813],
      [21.0842, 105.7873],
    ],
  },
  {
    id: 'way/900003',
    name: 'Võ Chí Công',
    highway: 'primary',
    points: [
      [21.0668, 105.8045],
      [21.0705, 105.80415],
      [21.0742, 105.8038],
      [21.0774, 105.80299],
      [21.0805, 105.8022],
    ],
  },
  {
    id: 'way/900004',
    name: 'Xuân La',
    highway: 'secondary',
    points: [
      [21.0641, 105.7932],
      [21.06515, 105.79585],
      [21.0662, 105.7985],
      [21.0675, 105.8013],
      [21.0688, 105.8041],
    ],
  },
  {
    id: 'way/900005',
    name: 'Tân Xuân',
    highway: 'tertiary',
    points: [
      [21.0767, 105.7809],
      [21.0768, 105.7818],
      [21.07735, 105.7855],
      [21.0779, 105.7892],
      [21.0785, 105.793],
      [21.0791, 105.7968],
    ],
  },
  // Tân Xuân 1's three lanes, where the group's sixteen street cameras are.
  {
    id: 'way/900101',
    name: 'Ngõ 27 Xuân Đỉnh',
    highway: 'residential',
    points: [
      [21.0736, 105.7855],
      [21.0739, 105.7856],
      [21.07525, 105.78585],
      [21.0766, 105.7861],
      [21.0774, 105.78625],
    ],
  },
  {
    id: 'way/900102',
    name: 'Ngõ 59 Tân Xuân',
    highway: 'residential',
    points: [
      [21.0745, 105.7879],
      [21.0753, 105.78855],
      [21.0761, 105.7892],
      [21.077, 105.78925],
      [21.0778, 105.7892],
    ],
  },
  {
    id: 'way/900103',
    name: 'Ngõ 84 Tân Xuân',
    highway: 'residential',
    points: [
      [21.0758, 105.7846],
      [21.076, 105.7866],
      [21.0762, 105.7886],
    ],
  },
  // The other groups' alleys.
  {
    id: 'way/900111',
    name: 'Ngõ 12 Xuân Đỉnh',
    highway: 'residential',
    points: [
      [21.0705, 105.79028],
      [21.0703, 105.788],
      [21.0701, 105.7858],
    ],
  },
  {
    id: 'way/900112',
    name: 'Ngõ 40 Xuân Đỉnh',
    highway: 'residential',
    points: [
      [21.072, 105.78995],
      [21.0722, 105.7875],
      [21.0726, 105.786],
    ],
  },
  {
    id: 'way/900113',
    name: 'Ngõ 68 Xuân Đỉnh',
    highway: 'service',
    points: [
      [21.069, 105.79055],
      [21.0688, 105.7885],
      [21.0684, 105.7868],
    ],
  },
  {
    id: 'way/900114',
    name: 'Ngõ 100 Xuân Đỉnh',
    highway: 'residential',
    points: [
      [21.0733, 105.78978],
      [21.0733, 105.7912],
      [21.0736, 105.793],
    ],
  },
  {
    id: 'way/900115',
    name: 'Ngõ 125 Xuân Đỉnh',
    highway: 'residential',
    points: [
      [21.0755, 105.78931],
      [21.0757, 105.7915],
      [21.076, 105.7935],
    ],
  },
  {
    id: 'way/900116',
    name: 'Ngõ 102 Xuân Đỉnh',
    highway: 'living_street',
    points: [
      [21.079, 105.7885],
      [21.08, 105.79],
      [21.0812, 105.7912],
    ],
  },
  {
    id: 'way/900121',
    name: 'Ngõ 18 Tân Xuân',
    highway: 'residential',
    points: [
      [21.078, 105.7897],
      [21.0792, 105.7899],
      [21.0803, 105.7903],
    ],
  },
  {
    id: 'way/900122',
    name: 'Ngõ 36 Tân Xuân',
    highway: 'residential',
    points: [
      [21.0778, 105.7881],
      [21.0792, 105.7878],
      [21.0806, 105.7872],
      [21.0818, 105.7868],
    ],
  },
  {
    id: 'way/900123',
    name: 'Ngõ 54 Tân Xuân',
    highway: 'residential',
    points: [
      [21.0775, 105.7865],
      [21.079, 105.786],
      [21.0806, 105.7852],
      [21.0815, 105.7846],
    ],
  },
  {
    id: 'way/900124',
    name: 'Ngõ 2 Tân Xuân',
    highway: 'living_street',
    points: [
      [21.0785, 105.793],
      [21.0797, 105.7932],
      [21.0808, 105.7936],
    ],
  },
  {
    id: 'way/900131',
    name: 'Ngõ 1 Xuân La',
    highway: 'residential',
    points: [
      [21.0668, 105.7998],
      [21.068, 105.7996],
      [21.0692, 105.799],
    ],
  },
  {
    id: 'way/900132',
    name: 'Ngõ 25 Xuân La',
    highway: 'residential',
    points: [
      [21.0656, 105.797],
      [21.0645, 105.7975],
      [21.0634, 105.7979],
    ],
  },
  {
    id: 'way/900133',
    name: 'Ngõ 43 Xuân La',
    highway: 'service',
    points: [
      [21.0672, 105.8007],
      [21.066, 105.8012],
      [21.065, 105.802],
    ],
  },
  {
    id: 'way/900141',
    name: 'Ngõ 20 Võ Chí Công',
    highway: 'residential',
    points: [
      [21.0716, 105.80405],
      [21.0717, 105.8],
      [21.0716, 105.7965],
      [21.0715, 105.7951],
    ],
  },
  {
    id: 'way/900142',
    name: 'Ngõ 45 Võ Chí Công',
    highway: 'residential',
    points: [
      [21.0755, 105.80347],
      [21.0756, 105.8005],
      [21.0758, 105.7975],
    ],
  },
  {
    id: 'way/900151',
    name: 'Ngõ 8 Phạm Văn Đồng',
    highway: 'service',
    points: [
      [21.07, 105.7808],
      [21.07, 105.7825],
      [21.0701, 105.784],
    ],
  },
  {
    id: 'way/900152',
    name: 'Ngõ 30 Phạm Văn Đồng',
    highway: 'residential',
    points: [
      [21.072, 105.78068],
      [21.0719, 105.783],
      [21.0718, 105.7845],
    ],
  },
  {
    id: 'way/900153',
    name: 'Ngõ 76 Phạm Văn Đồng',
    highway: 'residential',
    points: [
      [21.0785, 105.78095],
      [21.0787, 105.7825],
      [21.079, 105.784],
    ],
  },
  // A lane with no name on the map yet, as many are.
  {
    id: 'way/900161',
    name: '',
    highway: 'service',
    points: [
      [21.077, 105.783],
      [21.0762, 105.7832],
      [21.0755, 105.7833],
    ],
  },
];
