/** The demo enterprises: names, credit codes, districts and contacts. */
import { USCC_ALPHABET, usccCheckCharacter } from '../enterprises/uscc';
import {
  District,
  DISTRICTS,
  GIVEN_NAMES,
  Industry,
  INDUSTRY_WORDS,
  MOBILE_PREFIXES,
  NAME_SYLLABLES,
  OFFICIALS,
  ROADS,
  SURNAMES,
  userId,
} from './demo-text';
import { beijing, demoId, GO_LIVE, Random, randomWorkingInstant } from './demo-time';

// ---------------------------------------------------------------------------------------------
// Enterprises
// ---------------------------------------------------------------------------------------------

const ENTERPRISE_COUNT = 300;

export interface Enterprise {
  id: string;
  name: string;
  /** How notes and descriptions refer to it. */
  shortName: string;
  uscc: string | null;
  districtCode: string;
  industry: Industry;
  isAboveScale: boolean;
  isKey: boolean;
  address: string;
  contactName: string;
  contactPhone: string;
  createdBy: string;
  createdAt: number;
}

export function buildEnterprises(): Enterprise[] {
  const rng = new Random('enterprises');
  const districtWeights = Object.fromEntries(DISTRICTS.map((d) => [d.code, d.weight]));
  const names = new Set<string>();
  const codes = new Set<string>();
  const enterprises: Enterprise[] = [];
  for (let n = 0; n < ENTERPRISE_COUNT; n += 1) {
    const districtCode = rng.weighted(districtWeights);
    const district = DISTRICTS.find((d) => d.code === districtCode)!;
    const industry = rng.weighted(district.industries);
    const isKey = rng.chance(0.12);
    const isAboveScale = isKey || rng.chance(0.3);
    const { name, shortName } = enterpriseName(rng, district, industry, isAboveScale, names);
    enterprises.push({
      id: demoId('enterprise', String(n + 1)),
      name,
      shortName,
      uscc: rng.chance(0.5) ? uniqueUscc(rng, district, codes) : null,
      districtCode: district.code,
      industry,
      isAboveScale,
      isKey,
      address: `甘肃省酒泉市${rng.pick(district.places)}${rng.pick(ROADS)}${rng.int(1, 288)}号`,
      contactName: personName(rng),
      contactPhone: `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      createdBy: userId(rng.pick(OFFICIALS)),
      createdAt: randomWorkingInstant(rng, GO_LIVE, beijing(2023, 12, 30)),
    });
  }
  return enterprises;
}

/** e.g. 瓜州恒源风电装备有限公司; unique within the data set. */
function enterpriseName(
  rng: Random,
  district: District,
  industry: Industry,
  isAboveScale: boolean,
  taken: Set<string>,
): { name: string; shortName: string } {
  for (;;) {
    const prefix = rng.chance(0.5) ? '酒泉' : district.short;
    const core = rng.sample(NAME_SYLLABLES, 2).join('');
    const shortName = `${core}${rng.pick(INDUSTRY_WORDS[industry])}`;
    const suffix = isAboveScale && rng.chance(0.3) ? '股份有限公司' : rng.chance(0.75) ? '有限公司' : '有限责任公司';
    const name = `${prefix}${shortName}${suffix}`;
    if (taken.has(name)) continue;
    taken.add(name);
    return { name, shortName };
  }
}

/** "91" (an enterprise registered with market regulation), the district's division code, 9 random characters, the check character. */
function uniqueUscc(rng: Random, district: District, taken: Set<string>): string {
  for (;;) {
    let first17 = `91${district.division}`;
    while (first17.length < 17) first17 += rng.pick([...USCC_ALPHABET]);
    const code = first17 + usccCheckCharacter(first17)!;
    if (taken.has(code)) continue;
    taken.add(code);
    return code;
  }
}

function personName(rng: Random): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}
