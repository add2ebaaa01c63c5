/**
 * The demo data set: Jiuquan's departments, the demo users, a few hundred synthetic enterprises,
 * visits, and problems from 2024-Q1 to 2025-Q4 with their full event histories.
 *
 * Everything is derived from fixed seeds and fixed dates, so every load produces the same rows,
 * ids included (they are name-based UUIDs). Histories are built by replaying the real workflow
 * (`transition` from problem-workflow), so every event is one the service itself could have written.
 *
 * The data set is built around one published figure: problems reported in 2025-Q1, as of the end
 * of that quarter, 127 recorded and 116 resolved (91.3 %). The Q1 problems are given explicit
 * plans (see `planKeyQuarter`) and `loadDemoData` refuses to insert anything if the figure is off.
 */
import { createHash } from 'node:crypto';
import { USCC_ALPHABET, usccCheckCharacter } from '../enterprises/uscc';
import { ActionInput, ProblemState, transition, TRANSITIONS } from '../problems/problem-workflow';
import { Satisfaction } from '../workflow/satisfactions';
import { RESOLVED_STATUSES, Status } from '../workflow/statuses';

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface DemoSummary {
  departments: number;
  users: number;
  enterprises: number;
  visits: number;
  problems: number;
  events: number;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'manager' | 'official' | 'handler';
  departmentCode?: string;
}

export const DEMO_PASSWORD = 'Demo@2025';

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'manager', displayName: '王海燕（营商办）', role: 'manager' },
  { username: 'manager2', displayName: '陈立新（营商办）', role: 'manager' },
  { username: 'official', displayName: '张建国', role: 'official' },
  { username: 'official2', displayName: '李文静', role: 'official' },
  { username: 'handler-gxj', displayName: '刘洋（市工信局）', role: 'handler', departmentCode: 'gxj' },
  { username: 'handler-fgw', displayName: '赵敏（市发展改革委）', role: 'handler', departmentCode: 'fgw' },
  { username: 'handler-zrzyj', displayName: '孙志强（市自然资源局）', role: 'handler', departmentCode: 'zrzyj' },
  { username: 'handler-gdgs', displayName: '马晓东（国网酒泉供电公司）', role: 'handler', departmentCode: 'gdgs' },
  { username: 'handler-rsj', displayName: '杨丽（市人社局）', role: 'handler', departmentCode: 'rsj' },
];

/**
 * Loads the deterministic demo data set into an empty database (migrations applied). The caller
 * runs it inside one transaction and passes the argon2id hash of DEMO_PASSWORD.
 */
export async function loadDemoData(db: Queryable, passwordHash: string): Promise<DemoSummary> {
  const data = buildDemoData();
  assertKeyFigure(data.problems);
  await insertDemoData(db, data, passwordHash);
  return {
    departments: DEPARTMENTS.length,
    users: DEMO_USERS.length,
    enterprises: data.enterprises.length,
    visits: data.visits.length,
    problems: data.problems.length,
    events: data.problems.reduce((sum, p) => sum + p.timeline.events.length, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Time: all instants are epoch milliseconds; the calendar is Beijing time (UTC+8, no DST)
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR;

function beijing(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET;
}

function beijingMidnight(t: number): number {
  return Math.floor((t + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
}

function isWeekend(t: number): boolean {
  const weekday = new Date(t + BEIJING_OFFSET).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function beijingYear(t: number): number {
  return new Date(t + BEIJING_OFFSET).getUTCFullYear();
}

/** "3月18日", as written in assignment notes. */
function monthDay(t: number): string {
  const d = new Date(t + BEIJING_OFFSET);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

const iso = (t: number): string => new Date(t).toISOString();

/** Nothing happens on or after this instant, so the data set does not depend on today's date. */
const DATA_END = beijing(2026, 1, 1);
/** Enterprises and people were registered when the programme went live. */
const GO_LIVE = beijing(2023, 12, 1);

/** The quarter whose published figure the data set reproduces, and the figure itself. */
const KEY_QUARTER = { from: beijing(2025, 1, 1), to: beijing(2025, 4, 1) };
const KEY_RECORDED = 127;
const KEY_RESOLVED = 116;

/** Problems per quarter (by reportedAt). 2025-Q1 holds the 127 recorded ones plus withdrawn duplicates. */
const QUARTERS: { year: number; quarter: number; problems: number }[] = [
  { year: 2024, quarter: 1, problems: 92 },
  { year: 2024, quarter: 2, problems: 108 },
  { year: 2024, quarter: 3, problems: 117 },
  { year: 2024, quarter: 4, problems: 121 },
  { year: 2025, quarter: 1, problems: KEY_RECORDED },
  { year: 2025, quarter: 2, problems: 124 },
  { year: 2025, quarter: 3, problems: 113 },
  { year: 2025, quarter: 4, problems: 104 },
];
const KEY_QUARTER_DUPLICATES = 3;

/** Working hours: things happen on weekdays between 08:30 and 18:00. */
const WORKDAY_START = 8.5 * HOUR;
const WORKDAY_END = 18 * HOUR;
/** Two events of one problem are at least this far apart. */
const MIN_GAP = 5 * MINUTE;

/** The first working instant at or after `t` (moved to the next morning or Monday), in whole seconds. */
function workingTime(t: number, rng: Random): number {
  let day = beijingMidnight(t);
  let offset = t - day;
  if (offset < WORKDAY_START) {
    offset = WORKDAY_START + rng.between(0, 1) * HOUR;
  } else if (offset >= WORKDAY_END) {
    day += DAY;
    offset = WORKDAY_START + rng.between(0, 1) * HOUR;
  }
  while (isWeekend(day)) day += DAY;
  return Math.ceil((day + offset) / 1000) * 1000;
}

/** A working-day instant in [from, to): weekends are rare (one in ten is kept). */
function randomWorkingInstant(rng: Random, from: number, to: number): number {
  const days = Math.round((to - from) / DAY);
  for (;;) {
    const day = from + rng.int(0, days - 1) * DAY;
    if (isWeekend(day) && !rng.chance(0.1)) continue;
    return Math.round((day + rng.between(WORKDAY_START, WORKDAY_END - 15 * MINUTE)) / MINUTE) * MINUTE;
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per phase so that one phase does not shift another
// ---------------------------------------------------------------------------------------------

const SEED = 'jiuquan-demo-2025';

class Random {
  private state: number;

  constructor(label: string) {
    // FNV-1a of the label, so every phase and every problem has its own stream.
    let hash = 0x811c9dc5;
    for (const char of `${SEED}:${label}`) {
      hash ^= char.codePointAt(0)!;
      hash = Math.imul(hash, 0x01000193);
    }
    this.state = hash >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T extends string>(weights: Partial<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }
}

/** A stable UUID (version 5 layout) from a name, so reloading gives the same ids. */
function demoId(kind: string, key: string): string {
  const hash = createHash('sha1').update(`jiuquan-demo:${kind}:${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Reference content
// ---------------------------------------------------------------------------------------------

const DEPARTMENTS = [
  { code: 'gxj', name: '市工信局' },
  { code: 'fgw', name: '市发展改革委' },
  { code: 'zrzyj', name: '市自然资源局' },
  { code: 'sthjj', name: '市生态环境局' },
  { code: 'rsj', name: '市人社局' },
  { code: 'zjj', name: '市住建局' },
  { code: 'scjgj', name: '市市场监管局' },
  { code: 'swj', name: '市税务局' },
  { code: 'jrj', name: '市地方金融管理局' },
  { code: 'gdgs', name: '国网酒泉供电公司' },
  { code: 'jtj', name: '市交通运输局' },
  { code: 'swuj', name: '市商务局' },
] as const;
type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

const departmentName = (code: DepartmentCode): string => DEPARTMENTS.find((d) => d.code === code)!.name;
const departmentId = (code: string): string => demoId('department', code);
const userId = (username: string): string => demoId('user', username);

const MANAGERS = ['manager', 'manager2'];
const OFFICIALS = ['official', 'official2'];

/** The handler who acts for a department, when the demo has one; otherwise a manager acts for it. */
const HANDLER_BY_DEPARTMENT = new Map(
  DEMO_USERS.filter((u) => u.role === 'handler').map((u) => [departmentId(u.departmentCode!), userId(u.username)]),
);

/** The industries the reports name, as stored in enterprises.industry. */
type Industry =
  | 'new_energy_equipment'
  | 'renewable_power'
  | 'petrochemicals'
  | 'coal_coking'
  | 'agri_processing'
  | 'logistics'
  | 'tourism';

/** The word an enterprise of each industry carries in its name. */
const INDUSTRY_WORDS: Record<Industry, string[]> = {
  new_energy_equipment: ['新能源装备', '风电装备', '光伏支架', '风电叶片', '储能设备', '塔筒制造'],
  renewable_power: ['新能源发电', '风力发电', '光伏发电', '光热发电', '清洁能源'],
  petrochemicals: ['石油化工', '精细化工', '化工科技'],
  coal_coking: ['煤业', '焦化', '洗煤', '煤化工'],
  agri_processing: ['农产品加工', '食品', '果蔬', '种业', '脱水蔬菜', '牧业'],
  logistics: ['物流', '供应链', '陆港物流', '运输'],
  tourism: ['文化旅游', '旅游开发', '酒店管理', '文旅'],
};

interface District {
  code: string;
  short: string;
  /** The administrative division code that opens its enterprises' credit codes (after "91"). */
  division: string;
  /** Share of the enterprises. */
  weight: number;
  places: string[];
  industries: Partial<Record<Industry, number>>;
}

/** Industry mixes follow what each district is known for: wind and solar in Guazhou and Yumen, oil in Yumen, tourism in Dunhuang. */
const DISTRICTS: District[] = [
  {
    code: 'suzhou',
    short: '肃州',
    division: '620902',
    weight: 30,
    places: ['酒泉经济技术开发区', '肃州区西峰工业园区', '肃州区总寨镇'],
    industries: {
      new_energy_equipment: 5,
      renewable_power: 2,
      petrochemicals: 1,
      coal_coking: 0.5,
      agri_processing: 4,
      logistics: 4,
      tourism: 2,
    },
  },
  {
    code: 'yumen',
    short: '玉门',
    division: '620981',
    weight: 15,
    places: ['玉门经济开发区', '玉门市玉门东镇', '玉门市老市区'],
    industries: {
      new_energy_equipment: 3,
      renewable_power: 5,
      petrochemicals: 5,
      coal_coking: 1,
      agri_processing: 1,
      logistics: 1,
      tourism: 0.5,
    },
  },
  {
    code: 'dunhuang',
    short: '敦煌',
    division: '620982',
    weight: 12,
    places: ['敦煌光电产业园', '敦煌市七里镇', '敦煌市沙州镇'],
    industries: { new_energy_equipment: 0.5, renewable_power: 3, agri_processing: 2, logistics: 1, tourism: 6 },
  },
  {
    code: 'jinta',
    short: '金塔',
    division: '620921',
    weight: 12,
    places: ['金塔县北河湾循环经济产业园', '金塔县鼎新镇', '金塔县金塔镇'],
    industries: {
      new_energy_equipment: 1,
      renewable_power: 4,
      petrochemicals: 0.5,
      coal_coking: 0.5,
      agri_processing: 4,
      logistics: 1,
      tourism: 1,
    },
  },
  {
    code: 'guazhou',
    short: '瓜州',
    division: '620922',
    weight: 17,
    places: ['瓜州县柳沟工业园区', '瓜州县北大桥光伏产业园', '瓜州县渊泉镇'],
    industries: {
      new_energy_equipment: 3,
      renewable_power: 5,
      coal_coking: 2,
      agri_processing: 3,
      logistics: 2,
      tourism: 1,
    },
  },
  {
    code: 'subei',
    short: '肃北',
    division: '620923',
    weight: 7,
    places: ['肃北县马鬃山镇', '肃北县党城湾镇', '肃北县石包城乡'],
    industries: { renewable_power: 3, coal_coking: 3, logistics: 0.5, tourism: 1 },
  },
  {
    code: 'aksay',
    short: '阿克塞',
    division: '620924',
    weight: 7,
    places: ['阿克塞县红柳湾镇', '阿克塞县工业园区', '阿克塞县阿勒腾乡'],
    industries: { renewable_power: 2, coal_coking: 1, agri_processing: 1, tourism: 3 },
  },
];

const NAME_SYLLABLES = [
  ...'恒源鑫泰华盛瑞宏达丰昌隆嘉信通远祥和晟润益诚联创正安金阳天弘泓蓝海光明德科博祁瀚朔晨禾旭康汇邦峰',
];
const ROADS = ['祁连路', '工业大道', '新能源路', '西环路', '南园路', '富康路', '金穗路', '戈壁路', '玉关路'];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭'];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志刚',
  '海燕',
  '晓东',
  '文博',
  '玉兰',
  '国庆',
  '红梅',
];
const MOBILE_PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '150',
  '151',
  '152',
  '158',
  '159',
  '177',
  '180',
  '181',
  '186',
  '187',
  '189',
  '193',
  '199',
];

const POLICIES = [
  '甘肃省促进民营经济高质量发展若干措施',
  '增值税留抵退税政策',
  '小微企业“六税两费”减免政策',
  '失业保险稳岗返还政策',
  '研发费用税前加计扣除政策',
  '酒泉市支持新能源装备制造业发展若干措施',
  '创业担保贷款及贴息政策',
  '绿色电力交易支持政策',
  '专精特新中小企业培育政策',
  '设备更新和技术改造贷款贴息政策',
  '出口信用保险支持政策',
  '吸纳高校毕业生就业社保补贴政策',
  '文旅企业纾困帮扶政策',
  '“陇信通”融资信用服务平台',
];

const VISIT_PURPOSES = [
  '季度例行走访',
  '政策宣讲和诉求收集',
  '重点项目建设进度调研',
  '新能源产业链调研',
  '节前走访慰问',
  '生产经营情况调研',
];
const QUIET_VISIT_NOTES = [
  '企业生产经营平稳，暂无需协调事项',
  '企业订单充足，对营商环境表示认可',
  '宣讲惠企政策，企业表示将积极申报',
  '了解企业年度生产计划，暂无诉求',
  '企业新项目前期工作顺利，将持续跟踪服务',
];

type CategoryCode =
  'factor_supply' | 'financing' | 'labour' | 'approvals' | 'policy_delivery' | 'markets' | 'infrastructure' | 'other';

/** How often each category comes up. */
const CATEGORY_WEIGHTS: Record<CategoryCode, number> = {
  factor_supply: 20,
  financing: 14,
  labour: 12,
  approvals: 16,
  policy_delivery: 16,
  markets: 8,
  infrastructure: 9,
  other: 5,
};

/** The time limits (days) a manager sets when assigning, by category. */
const DUE_DAYS: Record<CategoryCode, number[]> = {
  factor_supply: [20, 30],
  financing: [15, 20],
  labour: [10, 15],
  approvals: [15, 20],
  policy_delivery: [10, 15],
  markets: [15, 20],
  infrastructure: [30, 45],
  other: [7, 10],
};

/** One kind of problem an enterprise raises: what it says, who handles it, how it ends. */
interface Topic {
  title: string;
  detail: string;
  resolution: string;
  /** The responsible department first; the others are where it may be misrouted. */
  departments: DepartmentCode[];
  /** Only enterprises of these industries raise it; any enterprise when absent. */
  industries?: Industry[];
}

const TOPICS: Record<CategoryCode, Topic[]> = {
  factor_supply: [
    {
      title: '新建产线用电增容申请办理缓慢',
      detail: '新建生产线需将用电容量由2000千伏安增至6300千伏安，增容申请提交后迟迟未出具供电方案',
      resolution: '供电公司开辟绿色通道，已出具供电方案并完成增容送电',
      departments: ['gdgs', 'gxj'],
    },
    {
      title: '风电项目配套升压站并网接入排期滞后',
      detail: '项目风机已全部吊装完成，配套330千伏升压站并网接入排期滞后，影响全容量并网',
      resolution: '协调电网调度部门调整接入计划，项目已完成并网调试',
      departments: ['gdgs', 'fgw'],
      industries: ['renewable_power'],
    },
    {
      title: '光伏电站限电比例偏高影响收益',
      detail: '今年以来电站限电比例明显上升，发电收益下滑，希望协调外送通道和消纳空间',
      resolution: '纳入新能源消纳协调机制，优化调度安排，限电比例已明显下降',
      departments: ['gdgs', 'fgw'],
      industries: ['renewable_power'],
    },
    {
      title: '二期项目新增用地指标未落实',
      detail: '二期扩建项目已完成备案，但新增建设用地指标未落实，项目无法开工',
      resolution: '已将项目纳入年度用地计划，完成用地预审并启动供地程序',
      departments: ['zrzyj', 'fgw'],
    },
    {
      title: '项目用地组卷报批进度缓慢',
      detail: '项目用地组卷材料已上报，审批进度缓慢，影响后续施工许可办理',
      resolution: '专人跟踪报批进度，用地已获批复并完成出让',
      departments: ['zrzyj', 'zjj'],
    },
    {
      title: '夏季生产用水指标紧张',
      detail: '夏季用水高峰园区供水不足，企业多次被限水，生产线无法满负荷运行',
      resolution: '协调园区供水单位调整供水计划，备用水源管线已投用',
      departments: ['zjj', 'gxj'],
    },
    {
      title: '冬季天然气供应不足',
      detail: '采暖季天然气限量供应，烘干和加热工序无法正常运转，希望保障工业用气',
      resolution: '协调燃气企业落实保供计划，企业用气已按需保障',
      departments: ['fgw', 'zjj'],
      industries: ['agri_processing', 'petrochemicals', 'coal_coking'],
    },
    {
      title: '园区工业蒸汽供应不稳定',
      detail: '园区集中供热蒸汽压力波动大，频繁影响生产工艺稳定',
      resolution: '督促供热企业完成管网改造，蒸汽压力已稳定达标',
      departments: ['gxj', 'zjj'],
      industries: ['petrochemicals', 'coal_coking', 'agri_processing'],
    },
  ],
  financing: [
    {
      title: '流动资金贷款到期续贷困难',
      detail: '企业一笔1500万元流动资金贷款即将到期，合作银行收紧授信，续贷存在困难',
      resolution: '组织银企对接，合作银行以无还本续贷方式完成续贷',
      departments: ['jrj', 'gxj'],
    },
    {
      title: '设备更新缺少中长期贷款支持',
      detail: '企业计划实施设备更新改造，需中长期贷款约3000万元，银行审批周期长',
      resolution: '推荐纳入设备更新贷款贴息项目清单，银行已完成授信审批',
      departments: ['jrj', 'gxj'],
    },
    {
      title: '创业担保贷款申请手续繁琐',
      detail: '申请创业担保贷款需提交材料多、往返次数多，迟迟未能放款',
      resolution: '简化申请材料，实行一次告知、限时办结，贷款已发放',
      departments: ['rsj', 'jrj'],
    },
    {
      title: '应收账款质押融资银行认可度低',
      detail: '企业持有大型国企应收账款，希望办理质押融资，银行认可度低',
      resolution: '依托应收账款融资服务平台完成确权，银行已放款',
      departments: ['jrj', 'gxj'],
    },
    {
      title: '政府性融资担保费率偏高',
      detail: '担保费率和反担保要求偏高，企业融资成本较重',
      resolution: '协调政府性融资担保机构将担保费率降至1%以下',
      departments: ['jrj', 'fgw'],
    },
    {
      title: '工程款被长期拖欠导致资金紧张',
      detail: '企业承建项目完工验收后，约800万元工程款被拖欠一年以上',
      resolution: '纳入清理拖欠企业账款台账，协调业主单位制定还款计划并支付首期款项',
      departments: ['gxj', 'fgw'],
    },
    {
      title: '希望获得上市培育辅导',
      detail: '企业有上市意向，希望获得上市培育和规范化改制辅导',
      resolution: '已纳入上市后备企业资源库，组织券商开展专项辅导',
      departments: ['jrj', 'fgw'],
    },
    {
      title: '收购旺季资金周转困难',
      detail: '收购旺季需集中收购原料，资金周转压力大，希望获得季节性信贷支持',
      resolution: '协调银行推出季节性收购贷款，贷款已发放',
      departments: ['jrj', 'swuj'],
      industries: ['agri_processing'],
    },
  ],
  labour: [
    {
      title: '加工旺季临时用工缺口大',
      detail: '加工旺季需临时工人约200名，本地招工困难',
      resolution: '组织专场招聘并对接劳务输出基地，用工缺口已基本补齐',
      departments: ['rsj', 'gxj'],
      industries: ['agri_processing'],
    },
    {
      title: '焊工等技术工人招聘难',
      detail: '企业急需持证焊工、电工等技术工人，长期招聘不到合适人员',
      resolution: '开展订单式培训和校企合作，首批技术工人已到岗',
      departments: ['rsj', 'gxj'],
      industries: ['new_energy_equipment', 'petrochemicals', 'coal_coking'],
    },
    {
      title: '稳岗返还资金尚未到账',
      detail: '企业已符合稳岗返还条件，资金长期未到账',
      resolution: '核实企业参保数据，稳岗返还资金已拨付到账',
      departments: ['rsj', 'swj'],
    },
    {
      title: '职业技能培训补贴申领困难',
      detail: '企业组织员工技能培训后申领补贴，材料审核多次退回',
      resolution: '一次性告知所需材料并优化审核流程，培训补贴已发放',
      departments: ['rsj', 'gxj'],
    },
    {
      title: '引进人才安家补贴未兑现',
      detail: '企业引进的硕士研究生安家补贴未按政策兑现，影响人才稳定',
      resolution: '完成人才认定，安家补贴已发放',
      departments: ['rsj', 'fgw'],
    },
    {
      title: '外地员工住房紧张',
      detail: '企业外地员工较多，周边租房困难，希望协调人才公寓',
      resolution: '协调园区人才公寓房源，员工已安排入住',
      departments: ['zjj', 'rsj'],
    },
    {
      title: '旅游旺季服务人员短缺',
      detail: '旅游旺季讲解员、服务员缺口大，影响接待能力',
      resolution: '组织专场招聘和院校实习对接，服务人员已补齐',
      departments: ['rsj', 'swuj'],
      industries: ['tourism'],
    },
    {
      title: '劳动用工管理需要指导',
      detail: '企业希望就劳动合同管理和用工风险防范获得指导',
      resolution: '人社部门上门开展用工指导并提供合同示范文本',
      departments: ['rsj', 'scjgj'],
    },
  ],
  approvals: [
    {
      title: '项目备案信息变更办理缓慢',
      detail: '项目建设规模调整后需变更备案信息，办理进度缓慢',
      resolution: '已通过投资项目在线审批平台完成备案变更',
      departments: ['fgw', 'gxj'],
    },
    {
      title: '技改项目环评批复周期较长',
      detail: '技改项目环评报告已报审，批复周期较长影响开工',
      resolution: '提前介入技术审查，环评批复已下达',
      departments: ['sthjj', 'fgw'],
    },
    {
      title: '排污许可证延续办理',
      detail: '企业排污许可证即将到期，延续申请材料多次补正',
      resolution: '开展帮办代办服务，排污许可证已延续',
      departments: ['sthjj', 'scjgj'],
      industries: ['petrochemicals', 'coal_coking', 'agri_processing'],
    },
    {
      title: '新建厂房施工许可办理时间长',
      detail: '新建厂房施工图审查和施工许可办理时间较长，影响开工',
      resolution: '实行容缺受理和并联审批，施工许可证已核发',
      departments: ['zjj', 'zrzyj'],
    },
    {
      title: '厂房不动产权证办理困难',
      detail: '厂房建成多年，因历史遗留问题不动产权证一直无法办理',
      resolution: '按历史遗留问题处置政策完成确权登记，不动产权证已发放',
      departments: ['zrzyj', 'zjj'],
    },
    {
      title: '厂区规划条件调整申请未获答复',
      detail: '因工艺调整需变更厂区规划条件，申请提交后未获答复',
      resolution: '规划委员会审议通过规划条件调整',
      departments: ['zrzyj', 'zjj'],
    },
    {
      title: '食品生产许可证换证',
      detail: '食品生产许可证即将到期，换证现场核查排期较晚',
      resolution: '提前安排现场核查，许可证已换发',
      departments: ['scjgj', 'gxj'],
      industries: ['agri_processing'],
    },
    {
      title: '新上项目节能审查意见未出具',
      detail: '新上项目能耗指标紧张，节能审查意见迟迟未出具',
      resolution: '统筹能耗指标，节能审查意见已出具',
      departments: ['fgw', 'gxj'],
      industries: ['petrochemicals', 'coal_coking', 'new_energy_equipment'],
    },
    {
      title: '特种设备使用登记办理',
      detail: '新购置起重设备需办理使用登记，检验排期较长',
      resolution: '协调检验机构加急检验，使用登记已办结',
      departments: ['scjgj', 'gxj'],
    },
  ],
  policy_delivery: [
    {
      title: '技术改造奖补资金未拨付',
      detail: '企业去年完成技改项目并通过验收，奖补资金至今未拨付',
      resolution: '奖补资金已完成审核并拨付到企业账户',
      departments: ['gxj', 'fgw'],
    },
    {
      title: '增值税留抵退税进度较慢',
      detail: '企业申请增值税留抵退税，审核进度较慢影响资金周转',
      resolution: '税务部门优化审核流程，留抵退税款已退还',
      departments: ['swj', 'gxj'],
    },
    {
      title: '研发费用加计扣除归集口径不清',
      detail: '企业对研发费用归集口径不清楚，担心申报后被调整',
      resolution: '税务部门上门辅导，企业已完成加计扣除申报',
      departments: ['swj', 'gxj'],
    },
    {
      title: '招商引资优惠承诺未兑现',
      detail: '企业落地时约定的部分优惠政策至今未兑现',
      resolution: '梳理招商协议，已按约定兑现相关支持政策',
      departments: ['fgw', 'swuj'],
    },
    {
      title: '专精特新企业奖励资金未到位',
      detail: '企业获评省级专精特新中小企业，奖励资金尚未到位',
      resolution: '奖励资金已拨付',
      departments: ['gxj', 'fgw'],
    },
    {
      title: '吸纳就业社保补贴申领进度慢',
      detail: '企业吸纳高校毕业生就业，社保补贴申领进度慢',
      resolution: '社保补贴已审核发放',
      departments: ['rsj', 'swj'],
    },
    {
      title: '出口奖励政策申报渠道不清',
      detail: '企业符合出口奖励条件，但不清楚申报渠道和材料要求',
      resolution: '商务部门指导企业完成申报，奖励资金已兑现',
      departments: ['swuj', 'fgw'],
    },
    {
      title: '绿电交易支持政策落实',
      detail: '企业希望参与绿电交易降低用能成本，政策落实细则不明确',
      resolution: '指导企业注册交易平台，已达成首笔绿电交易',
      departments: ['fgw', 'gdgs'],
      industries: ['new_energy_equipment', 'petrochemicals', 'coal_coking', 'agri_processing'],
    },
    {
      title: '文旅企业纾困补助申领',
      detail: '淡季经营困难，希望申领文旅企业纾困补助',
      resolution: '补助资金已按规定发放',
      departments: ['swuj', 'fgw'],
      industries: ['tourism'],
    },
  ],
  markets: [
    {
      title: '希望进入本地新能源项目供应链',
      detail: '企业产品质量达标，希望进入本地新能源项目采购供应链',
      resolution: '组织产业链供需对接会，企业已与两家项目业主签订供货协议',
      departments: ['gxj', 'fgw'],
      industries: ['new_energy_equipment'],
    },
    {
      title: '希望开展本地产业链配套对接',
      detail: '企业零部件多从外地采购，希望对接本地配套企业降低成本',
      resolution: '梳理本地配套企业清单，组织上下游企业对接',
      departments: ['gxj', 'swuj'],
    },
    {
      title: '拓展中亚出口渠道',
      detail: '企业希望借助中欧班列拓展中亚市场，缺少渠道信息',
      resolution: '组织企业参加中亚经贸推介会，对接外贸综合服务平台',
      departments: ['swuj', 'jtj'],
    },
    {
      title: '参加展会费用补贴',
      detail: '企业参加国内外展会费用较高，希望获得展位补贴',
      resolution: '已纳入展会补贴支持范围',
      departments: ['swuj', 'gxj'],
    },
    {
      title: '特色农产品销售渠道不畅',
      detail: '蜜瓜、洋葱等特色农产品集中上市，销售渠道不畅',
      resolution: '组织电商平台和商超开展产销对接，产品已进入大型商超',
      departments: ['swuj', 'scjgj'],
      industries: ['agri_processing'],
    },
    {
      title: '旅游淡季客源不足',
      detail: '冬春淡季游客数量下降明显，希望开展联合营销',
      resolution: '纳入全市冬春旅游联合营销活动',
      departments: ['swuj', 'jtj'],
      industries: ['tourism'],
    },
    {
      title: '特色产品申请地理标志保护',
      detail: '企业希望为特色产品申请地理标志保护和品牌认证',
      resolution: '市场监管部门指导完成申报材料',
      departments: ['scjgj', 'swuj'],
      industries: ['agri_processing'],
    },
    {
      title: '希望参与政府采购项目',
      detail: '企业希望了解政府采购供应商入库条件，参与本地政府采购项目',
      resolution: '指导企业完成供应商注册，已参与两项采购项目',
      departments: ['gxj', 'scjgj'],
    },
  ],
  infrastructure: [
    {
      title: '园区道路破损重载车辆通行困难',
      detail: '园区主干道路面破损严重，重载运输车辆通行困难',
      resolution: '已纳入园区道路维修计划并完成修复',
      departments: ['jtj', 'zjj'],
    },
    {
      title: '企业门前道路未硬化',
      detail: '企业门前道路为砂石路，雨雪天气车辆无法通行',
      resolution: '道路硬化工程已完工',
      departments: ['zjj', 'jtj'],
    },
    {
      title: '园区污水管网未接通',
      detail: '企业污水无法接入园区污水管网，需自行拉运处理',
      resolution: '污水管网延伸工程已完工，企业已接入',
      departments: ['zjj', 'sthjj'],
    },
    {
      title: '铁路专用线建设滞后',
      detail: '铁路专用线建设进度滞后，大宗货物仍需公路转运',
      resolution: '协调铁路部门加快建设，专用线已开通运营',
      departments: ['jtj', 'fgw'],
      industries: ['logistics', 'coal_coking'],
    },
    {
      title: '景区连接道路通行能力不足',
      detail: '景区连接道路狭窄，旅游旺季车辆拥堵',
      resolution: '道路拓宽改造已纳入计划并开工建设',
      departments: ['jtj', 'zjj'],
      industries: ['tourism'],
    },
    {
      title: '厂区通信信号覆盖差',
      detail: '厂区及周边移动通信信号弱，影响生产调度',
      resolution: '协调通信运营商新建基站，信号已覆盖',
      departments: ['gxj', 'zjj'],
    },
    {
      title: '所在区域未通天然气管网',
      detail: '企业所在区域尚未接通天然气管网，只能使用高价液化气',
      resolution: '燃气管网延伸工程已完成，企业已通气',
      departments: ['zjj', 'fgw'],
    },
    {
      title: '城区货运车辆通行证办理不便',
      detail: '城区配送车辆通行证需现场办理，办理不便',
      resolution: '推行网上办理，通行证即时核发',
      departments: ['jtj', 'scjgj'],
      industries: ['logistics'],
    },
  ],
  other: [
    {
      title: '名称变更后资质信息不同步',
      detail: '企业名称变更后，多个部门系统中的资质信息未同步更新',
      resolution: '协调相关部门完成信息同步变更',
      departments: ['scjgj', 'swj'],
    },
    {
      title: '周边堆场扬尘影响生产环境',
      detail: '邻近企业堆场扬尘较大，影响企业洁净车间生产',
      resolution: '督促邻近企业完成堆场苫盖整改',
      departments: ['sthjj', 'zjj'],
    },
    {
      title: '行政处罚信用修复',
      detail: '企业因历史行政处罚记录影响招投标，希望办理信用修复',
      resolution: '指导企业完成信用修复，公示信息已移除',
      departments: ['fgw', 'scjgj'],
    },
    {
      title: '涉企检查频次偏多',
      detail: '一个月内接受多个部门检查，影响正常生产',
      resolution: '推行“综合查一次”，合并检查事项',
      departments: ['scjgj', 'sthjj'],
    },
    {
      title: '发票领用额度不足',
      detail: '业务量增长，发票领用额度不能满足需求',
      resolution: '税务部门已调整发票额度',
      departments: ['swj', 'scjgj'],
    },
    {
      title: '商标被仿冒使用',
      detail: '企业商标被外地企业仿冒使用，影响品牌声誉',
      resolution: '市场监管部门已立案查处并协调跨区域执法',
      departments: ['scjgj', 'swuj'],
    },
    {
      title: '新建厂房消防验收排期较晚',
      detail: '新建厂房消防验收排期较晚，影响投产',
      resolution: '安排专人现场验收，消防验收已通过',
      departments: ['zjj', 'scjgj'],
    },
  ],
};

const ASKS = ['希望相关部门协调解决。', '恳请尽快协调办理。', '希望帮助对接解决。', '请求协调推进。'];
const CREATED_NOTES: Record<Source, string> = {
  visit: '走访中登记',
  hotline: '12345热线转办',
  online: '网上诉求平台受理',
  meeting: '政企座谈会收集',
  other: '其他渠道登记',
};
const ACCEPT_NOTES = ['已签收，指定专人对接企业', '已受理，正在研究办理', '已签收，将按时限办结'];
const PROGRESS_NOTES = [
  '已与企业对接，核实具体诉求',
  '已召开专题协调会，明确办理路径和时限',
  '已会同相关部门现场踏勘',
  '企业补充材料已收到，正在审核',
  '已报请上级部门支持，等待批复',
  '解决方案已制定，正在推进落实',
  '已约谈相关单位，督促加快办理',
];
const STUCK_NOTES = [
  '已纳入市级重点协调事项，需省级部门批复',
  '涉及历史遗留问题，正在研究处置方案',
  '已提请市政府专题会议研究',
  '相关手续仍在办理中，每周向企业通报进展',
];
const ESCALATE_NOTES = [
  '超过办理时限未办结，纳入周调度督办',
  '企业多次催办，市营商办挂牌督办',
  '列入预警事项，限期办结',
];
const FEEDBACK: Record<Satisfaction, string[]> = {
  satisfied: ['企业对办理结果表示满意', '回访企业，问题已解决，企业满意'],
  basically_satisfied: ['企业基本满意，希望后续持续跟进', '问题基本解决，部分事项仍需时间'],
  unsatisfied: ['企业反映问题未实际解决，要求继续办理', '企业对办理时效不满意，问题仍然存在'],
};
const REOPEN_REASONS = ['企业反映问题再次出现，重新办理', '回访发现措施落实不到位，要求重新办理'];
const INVALID_REASONS = ['经核实属于企业间经济纠纷，不属于涉企服务事项，予以撤回', '企业已自行解决，申请撤回'];

// ---------------------------------------------------------------------------------------------
// Enterprises
// ---------------------------------------------------------------------------------------------

const ENTERPRISE_COUNT = 300;

interface Enterprise {
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

function buildEnterprises(): Enterprise[] {
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

// ---------------------------------------------------------------------------------------------
// Problems: what is reported, when, by whom
// ---------------------------------------------------------------------------------------------

type Source = 'visit' | 'hotline' | 'online' | 'meeting' | 'other';
const SOURCE_WEIGHTS: Record<Source, number> = { visit: 55, hotline: 14, online: 12, meeting: 12, other: 7 };

/** What a problem's history must show; `normal` is unconstrained. The others serve the 2025-Q1 figure. */
type Plan =
  | { kind: 'normal' }
  /** Resolved or closed as of the end of 2025-Q1, and at the end of the data. */
  | { kind: 'resolvedInKeyQuarter' }
  /** Open at the end of 2025-Q1, first resolved in [from, to). */
  | { kind: 'resolvedLater'; from: number; to: number }
  /** Still in progress, escalated and overdue at the end of the data. */
  | { kind: 'neverResolved' }
  /** Resolved in 2025-Q1, reopened on `reopenAt` (April), resolved again and closed. */
  | { kind: 'reopenedLater'; reopenAt: number }
  /** Withdrawn within 2025-Q1 as a duplicate of `original`. */
  | { kind: 'duplicate'; original: { id: string; code: string } };

interface ProblemBase {
  id: string;
  code: string;
  enterprise: Enterprise;
  visitId: string | null;
  source: Source;
  category: CategoryCode;
  topic: Topic;
  title: string;
  description: string;
  reportedAt: number;
  /** When it was typed in: the `created` event and created_at. */
  enteredAt: number;
  createdNote: string;
  createdBy: string;
  /** The manager who assigns, verifies and escalates it. */
  managerId: string;
  plan: Plan;
}

interface Problem extends ProblemBase {
  timeline: Timeline;
}

/** Before codes are handed out; a duplicate points at its original's draft until then. */
interface ProblemDraft extends Omit<ProblemBase, 'id' | 'code' | 'visitId' | 'plan'> {
  plan: Exclude<Plan, { kind: 'duplicate' }> | { kind: 'duplicateOfDraft'; original: ProblemDraft };
}

function quarterBounds(year: number, quarter: number): { from: number; to: number } {
  const month = (quarter - 1) * 3 + 1;
  return { from: beijing(year, month, 1), to: quarter === 4 ? beijing(year + 1, 1, 1) : beijing(year, month + 3, 1) };
}

function draftProblems(enterprises: Enterprise[]): ProblemDraft[] {
  const rng = new Random('problems');
  const drafts: ProblemDraft[] = [];
  for (const { year, quarter, problems } of QUARTERS) {
    const { from, to } = quarterBounds(year, quarter);
    const isKeyQuarter = from === KEY_QUARTER.from;
    // The backdated 2024-Q4 problem is added separately below.
    const count = year === 2024 && quarter === 4 ? problems - 1 : problems;
    const times = Array.from({ length: count }, () => randomWorkingInstant(rng, from, to)).sort((a, b) => a - b);
    const quarterDrafts = times.map((reportedAt) => draftProblem(rng, enterprises, reportedAt));
    if (isKeyQuarter) quarterDrafts.push(...planKeyQuarter(rng, quarterDrafts));
    drafts.push(...quarterDrafts);
  }
  drafts.push(backdatedProblem(rng, enterprises));
  return drafts;
}

function draftProblem(rng: Random, enterprises: Enterprise[], reportedAt: number): ProblemDraft {
  const enterprise = pickEnterprise(rng, enterprises);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const topic = pickTopic(rng, category, enterprise.industry);
  const source = rng.weighted(SOURCE_WEIGHTS);
  // Usually typed in on the spot; from a phone on a weak network sometimes a little later.
  const enteredAt = rng.chance(0.7) ? reportedAt : reportedAt + rng.int(1, 20) * MINUTE;
  return {
    enterprise,
    source,
    category,
    topic,
    title: topic.title,
    description: `${enterprise.shortName}反映：${topic.detail}。${rng.pick(ASKS)}`,
    reportedAt,
    enteredAt,
    createdNote: CREATED_NOTES[source],
    createdBy: userId(rng.pick(OFFICIALS)),
    managerId: userId(rng.pick(MANAGERS)),
    plan: { kind: 'normal' },
  };
}

/** Key and above-scale enterprises are visited more and raise more problems. */
function pickEnterprise(rng: Random, enterprises: Enterprise[]): Enterprise {
  const weight = (e: Enterprise) => 1 + (e.isKey ? 2 : 0) + (e.isAboveScale ? 1 : 0);
  let roll = rng.next() * enterprises.reduce((sum, e) => sum + weight(e), 0);
  for (const enterprise of enterprises) {
    roll -= weight(enterprise);
    if (roll < 0) return enterprise;
  }
  return enterprises[enterprises.length - 1]!;
}

function pickTopic(rng: Random, category: CategoryCode, industry: Industry): Topic {
  const fitting = TOPICS[category].filter((t) => !t.industries || t.industries.includes(industry));
  return rng.pick(fitting);
}

/**
 * Gives the 127 problems reported in 2025-Q1 their plans and returns the withdrawn duplicates:
 * 116 resolved by the end of the quarter, 11 not (the 8 reported last plus 3 hard ones), of
 * which 9 are resolved later in 2025 and 2 are still open. Two of the 116 are reopened in April.
 */
function planKeyQuarter(rng: Random, drafts: ProblemDraft[]): ProblemDraft[] {
  const april = { from: beijing(2025, 4, 2), to: beijing(2025, 6, 1) };
  const summer = { from: beijing(2025, 6, 1), to: beijing(2025, 9, 1) };
  // Reported in the quarter's last days: resolved in April and May, except one that drags into the summer.
  const lastEight = drafts.slice(-8);
  lastEight.forEach((d, i) => (d.plan = { kind: 'resolvedLater', ...(i === 3 ? summer : april) }));

  const earlier = drafts.slice(10, 100);
  const hardCategories: CategoryCode[] = ['factor_supply', 'approvals', 'infrastructure'];
  const [stuck1, stuck2] = rng.sample(
    earlier.filter((d) => hardCategories.includes(d.category)),
    2,
  );
  stuck1!.plan = { kind: 'neverResolved' };
  stuck2!.plan = { kind: 'neverResolved' };
  const unplanned = () => earlier.filter((d) => d.plan.kind === 'normal');
  rng.pick(unplanned()).plan = { kind: 'resolvedLater', ...summer };
  for (const d of rng.sample(unplanned(), 2)) {
    d.plan = { kind: 'reopenedLater', reopenAt: beijing(2025, 4, rng.int(3, 25), 9) };
  }
  for (const d of drafts) if (d.plan.kind === 'normal') d.plan = { kind: 'resolvedInKeyQuarter' };

  // The enterprise calls 12345 about something an official already logged; a manager merges them.
  const originals = rng.sample(
    drafts.filter((d) => d.reportedAt < beijing(2025, 3, 15) && d.plan.kind === 'resolvedInKeyQuarter'),
    KEY_QUARTER_DUPLICATES,
  );
  return originals.map((original) => {
    const reportedAt = workingTime(original.reportedAt + rng.between(1, 6) * DAY, rng);
    return {
      ...original,
      source: 'hotline' as const,
      description: `企业通过12345热线再次反映：${original.topic.detail}。`,
      reportedAt,
      enteredAt: reportedAt,
      createdNote: CREATED_NOTES.hotline,
      createdBy: userId(rng.pick(OFFICIALS)),
      plan: { kind: 'duplicateOfDraft', original },
    };
  });
}

/** Raised at the year-end meeting in December 2024 but only typed in after New Year. */
function backdatedProblem(rng: Random, enterprises: Enterprise[]): ProblemDraft {
  const draft = draftProblem(rng, enterprises, beijing(2024, 12, 27, 15, 30));
  return {
    ...draft,
    source: 'meeting',
    enteredAt: beijing(2025, 1, 6, 10, 20),
    createdNote: '年终政企座谈会收集，会后补录',
  };
}

/**
 * Codes are handed out per year of reportedAt in the order problems were entered, as the service
 * does: the backdated December problem, entered in January, takes the last 2024 number.
 */
function numberProblems(drafts: ProblemDraft[]): ProblemBase[] {
  const ordered = [...drafts].sort((a, b) => a.enteredAt - b.enteredAt || a.reportedAt - b.reportedAt);
  const counters = new Map<number, number>();
  const codes = new Map<ProblemDraft, string>();
  for (const draft of ordered) {
    const year = beijingYear(draft.reportedAt);
    const value = (counters.get(year) ?? 0) + 1;
    counters.set(year, value);
    codes.set(draft, `JQ-${year}-${String(value).padStart(4, '0')}`);
  }
  const reference = (draft: ProblemDraft) => ({ id: demoId('problem', codes.get(draft)!), code: codes.get(draft)! });
  return ordered.map((draft) => ({
    ...draft,
    ...reference(draft),
    visitId: null,
    plan:
      draft.plan.kind === 'duplicateOfDraft'
        ? { kind: 'duplicate', original: reference(draft.plan.original) }
        : draft.plan,
  }));
}

// ---------------------------------------------------------------------------------------------
// Visits
// ---------------------------------------------------------------------------------------------

/** Visits where nothing was raised: policy promotion and routine calls. */
const QUIET_VISIT_COUNT = 360;

interface Visit {
  id: string;
  enterpriseId: string;
  visitedAt: number;
  purpose: string;
  notes: string;
  policies: string[];
  officials: string[];
  createdAt: number;
}

/** A visit for every problem raised on one (it is saved with the problem), plus quiet ones. */
function buildVisits(problems: ProblemBase[], enterprises: Enterprise[]): Visit[] {
  const rng = new Random('visits');
  const visits: Visit[] = [];
  for (const problem of problems.filter((p) => p.source === 'visit')) {
    const visit: Visit = {
      id: demoId('visit', problem.code),
      enterpriseId: problem.enterprise.id,
      visitedAt: problem.reportedAt - rng.int(10, 90) * MINUTE,
      purpose: rng.pick(VISIT_PURPOSES),
      notes: `企业生产经营总体正常，现场反映“${problem.title}”，已登记交办`,
      policies: promotedPolicies(rng),
      officials: visitOfficials(rng, problem.createdBy),
      createdAt: problem.enteredAt,
    };
    problem.visitId = visit.id;
    visits.push(visit);
  }
  for (let n = 1; n <= QUIET_VISIT_COUNT; n += 1) {
    const visitedAt = randomWorkingInstant(rng, beijing(2024, 1, 2), beijing(2025, 12, 31));
    const officials = visitOfficials(rng, userId(rng.pick(OFFICIALS)));
    visits.push({
      id: demoId('visit', `quiet-${n}`),
      enterpriseId: rng.pick(enterprises).id,
      visitedAt,
      purpose: rng.pick(VISIT_PURPOSES),
      notes: rng.pick(QUIET_VISIT_NOTES),
      policies: promotedPolicies(rng),
      officials,
      createdAt: visitedAt + rng.int(10, 120) * MINUTE,
    });
  }
  return visits.sort((a, b) => a.visitedAt - b.visitedAt || a.id.localeCompare(b.id));
}

function promotedPolicies(rng: Random): string[] {
  return rng.sample(POLICIES, rng.int(1, 3));
}

/** The official who recorded it, and sometimes a colleague. */
function visitOfficials(rng: Random, lead: string): string[] {
  const other = OFFICIALS.map(userId).find((id) => id !== lead)!;
  return rng.chance(0.4) ? [lead, other] : [lead];
}

// ---------------------------------------------------------------------------------------------
// Histories: replaying the workflow
// ---------------------------------------------------------------------------------------------

interface PlannedEvent {
  type: string;
  fromStatus: Status | null;
  toStatus: Status;
  departmentId: string | null;
  actorId: string;
  at: number;
  note: string | null;
  data: Record<string, unknown>;
}

const OPENING_STATE: ProblemState = {
  status: 'reported',
  departmentId: null,
  dueAt: null,
  resolution: null,
  satisfaction: null,
  feedback: null,
  escalated: false,
  duplicateOf: null,
};

/** One problem's history under construction; each action goes through the real transition table. */
class Timeline {
  readonly events: PlannedEvent[] = [];
  state: ProblemState = { ...OPENING_STATE };
  /** Set once an action would fall on or after DATA_END: the history stops there. */
  private ended = false;

  constructor(
    readonly rng: Random,
    private readonly problem: ProblemBase,
    /** Multiplies every delay; below 1 when a plan needs things done faster. */
    readonly pace: number,
  ) {
    this.events.push({
      type: 'created',
      fromStatus: null,
      toStatus: 'reported',
      departmentId: null,
      actorId: problem.createdBy,
      at: problem.enteredAt,
      note: problem.createdNote,
      data: {},
    });
  }

  get at(): number {
    return this.events[this.events.length - 1]!.at;
  }

  get status(): Status {
    return this.state.status;
  }

  /** An instant between minHours and maxHours (scaled by the pace) after the last event. */
  after(minHours: number, maxHours: number): number {
    return this.at + this.rng.between(minHours, maxHours) * HOUR * this.pace;
  }

  /** Takes an action at the first working instant from `earliest`; false once past the end of the data. */
  act(earliest: number, input: (at: number) => ActionInput): boolean {
    if (this.ended) return false;
    const at = workingTime(Math.max(earliest, this.at + MIN_GAP), this.rng);
    if (at >= DATA_END) {
      this.ended = true;
      return false;
    }
    const action = input(at);
    const from = this.state;
    const { next, note, data } = transition(from, action);
    this.events.push({
      type: action.action,
      fromStatus: from.status,
      toStatus: next.status,
      departmentId: next.departmentId,
      actorId: this.actorFor(action, from),
      at,
      note,
      data,
    });
    this.state = next;
    return true;
  }

  /** A manager for the coordination office's actions; the department's handler (or a manager acting for it) otherwise. */
  private actorFor(action: ActionInput, before: ProblemState): string {
    if (TRANSITIONS[action.action].actor === 'manager') return this.problem.managerId;
    return HANDLER_BY_DEPARTMENT.get(before.departmentId ?? '') ?? this.problem.managerId;
  }

  /** The status as the reports see it at `t`: the latest event before t; null if not entered yet. */
  statusAt(t: number): Status | null {
    let status: Status | null = null;
    for (const event of this.events) if (event.at < t) status = event.toStatus;
    return status;
  }

  first(type: string): PlannedEvent | undefined {
    return this.events.find((e) => e.type === type);
  }
}

/** How one problem's story goes; drawn per attempt from its plan. */
interface Outline {
  /** Hours from entry to the first assignment, and from assignment to acceptance. */
  assignDelay: [number, number];
  acceptDelay: [number, number];
  /** Sent first to the wrong department, which returns it, or which the manager reassigns from. */
  misroute: 'none' | 'returned' | 'reassigned';
  /** Resolved straight from assigned (implicit accept). */
  skipAccept: boolean;
  progressNotes: number;
  /** When it is resolved, as a fraction of the time limit; above 1 is late. */
  resolveFactor: number;
  resolveNotBefore: number | null;
  escalate: 'never' | 'whenOverdue' | 'early';
  afterResolve: 'verify' | 'unsatisfiedThenVerify' | 'reopenThenVerify' | 'leaveResolved';
  reopenAt: number | null;
  neverResolve: boolean;
  withdraw: null | { afterAssign: boolean; reason: string; duplicateOf: string | null };
}

/** Problems reported from here on meet the year-end backlog: some wait days for assignment. */
const YEAR_END_BACKLOG = beijing(2025, 12, 20);
/** Problems reported from here on sometimes stall, so the open lists at the end of the data have old, escalated items. */
const RECENT_STALLS = beijing(2025, 7, 1);

/** The stalled kind: accepted, escalated once overdue, monthly notes, never resolved. */
function stalled(outline: Outline): Outline {
  return { ...outline, misroute: 'none', skipAccept: false, neverResolve: true, escalate: 'whenOverdue' };
}

function outlineFor(problem: ProblemBase, rng: Random): Outline {
  const hard = rng.chance(0.05);
  const late = !hard && rng.chance(0.1);
  const backlogged = problem.reportedAt >= YEAR_END_BACKLOG && rng.chance(0.4);
  const normal: Outline = {
    assignDelay: backlogged ? [96, 400] : [1, 20],
    acceptDelay: rng.chance(0.12) ? [24, 120] : [1, 24],
    misroute: rng.chance(0.05) ? 'returned' : rng.chance(0.03) ? 'reassigned' : 'none',
    skipAccept: rng.chance(0.08),
    progressNotes: rng.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 3]),
    // Most are done well within the limit: skewed towards the start of it.
    resolveFactor: hard ? rng.between(1.5, 4) : late ? rng.between(1.05, 1.6) : 0.03 + 0.9 * rng.next() ** 2.2,
    resolveNotBefore: null,
    escalate: hard || (late && rng.chance(0.5)) ? 'whenOverdue' : rng.chance(0.03) ? 'early' : 'never',
    afterResolve: rng.weighted({ verify: 90, unsatisfiedThenVerify: 5, reopenThenVerify: 1.5, leaveResolved: 3.5 }),
    reopenAt: null,
    neverResolve: false,
    withdraw: null,
  };
  const plan = problem.plan;
  switch (plan.kind) {
    case 'normal':
      if (problem.reportedAt >= RECENT_STALLS && rng.chance(0.05)) return stalled(normal);
      if (rng.chance(0.015)) {
        return {
          ...normal,
          withdraw: { afterAssign: rng.chance(0.5), reason: rng.pick(INVALID_REASONS), duplicateOf: null },
        };
      }
      return normal;
    case 'resolvedInKeyQuarter':
      return { ...normal, afterResolve: normal.afterResolve === 'reopenThenVerify' ? 'verify' : normal.afterResolve };
    case 'resolvedLater':
      return { ...normal, resolveNotBefore: rng.between(plan.from, plan.to - 5 * DAY), afterResolve: 'verify' };
    case 'neverResolved':
      return stalled(normal);
    case 'reopenedLater':
      return { ...normal, afterResolve: 'reopenThenVerify', reopenAt: plan.reopenAt };
    case 'duplicate':
      return {
        ...normal,
        withdraw: {
          afterAssign: rng.chance(0.3),
          reason: `与${plan.original.code}反映的是同一问题，合并办理`,
          duplicateOf: plan.original.id,
        },
      };
  }
}

/** Does the history do what the plan needs? */
function fulfils(problem: ProblemBase, timeline: Timeline): boolean {
  const plan = problem.plan;
  const isResolved = (s: Status | null) => s !== null && RESOLVED_STATUSES.includes(s);
  const atKeyEnd = timeline.statusAt(KEY_QUARTER.to);
  switch (plan.kind) {
    case 'normal':
      return true;
    case 'resolvedInKeyQuarter':
      return isResolved(atKeyEnd) && isResolved(timeline.status);
    case 'resolvedLater': {
      const resolved = timeline.first('resolve');
      return (
        !isResolved(atKeyEnd) &&
        !!resolved &&
        resolved.at >= plan.from &&
        resolved.at < plan.to &&
        isResolved(timeline.status)
      );
    }
    case 'neverResolved':
      return timeline.status === 'in_progress' && timeline.state.escalated;
    case 'reopenedLater': {
      const reopened = timeline.first('reopen');
      return atKeyEnd === 'resolved' && !!reopened && reopened.at < beijing(2025, 5, 1) && timeline.status === 'closed';
    }
    case 'duplicate':
      return timeline.status === 'withdrawn' && timeline.at < KEY_QUARTER.to;
  }
}

const MAX_ATTEMPTS = 40;

/** Draws stories until one fulfils the plan, each attempt a little faster (deterministic: the stream is per problem). */
function buildTimeline(problem: ProblemBase): Timeline {
  const rng = new Random(`story:${problem.code}`);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const timeline = new Timeline(rng, problem, 0.85 ** attempt);
    tell(timeline, problem, outlineFor(problem, rng));
    if (fulfils(problem, timeline)) return timeline;
  }
  throw new Error(`demo data: no history for ${problem.code} fulfils its plan (${problem.plan.kind})`);
}

function tell(tl: Timeline, problem: ProblemBase, outline: Outline): void {
  const rng = tl.rng;
  if (outline.withdraw) {
    const { afterAssign, reason, duplicateOf } = outline.withdraw;
    if (afterAssign) assign(tl, problem, responsibleDepartment(problem), tl.after(2, 24));
    tl.act(tl.after(4, 60), () => ({ action: 'withdraw', reason, duplicateOf: duplicateOf ?? undefined }));
    return;
  }

  route(tl, problem, outline);
  if (tl.status !== 'assigned') return; // the data ends before it was assigned
  const dueAt = tl.state.dueAt!.getTime();
  const resolveAt = outline.neverResolve
    ? Infinity
    : Math.max(tl.at + (dueAt - tl.at) * outline.resolveFactor * tl.pace, outline.resolveNotBefore ?? 0);

  if (!outline.skipAccept)
    tl.act(tl.after(...outline.acceptDelay), () => ({ action: 'accept', note: rng.pick(ACCEPT_NOTES) }));
  for (const step of middleSteps(tl, outline, dueAt, resolveAt)) {
    tl.act(step.at, () =>
      step.kind === 'escalate'
        ? { action: 'escalate', note: rng.pick(ESCALATE_NOTES) }
        : { action: 'progress', note: rng.pick(step.kind === 'stuck' ? STUCK_NOTES : PROGRESS_NOTES) },
    );
  }
  if (outline.neverResolve) return;
  resolve(tl, problem, resolveAt);

  switch (outline.afterResolve) {
    case 'verify':
      verify(tl, problem, tl.after(24, 240));
      break;
    case 'unsatisfiedThenVerify':
      tl.act(tl.after(24, 200), () => ({
        action: 'verify',
        satisfaction: 'unsatisfied',
        feedback: rng.pick(FEEDBACK.unsatisfied),
      }));
      tl.act(tl.after(24, 120), () => ({ action: 'progress', note: rng.pick(PROGRESS_NOTES) }));
      resolve(tl, problem, tl.after(48, 300));
      verify(tl, problem, tl.after(24, 200));
      break;
    case 'reopenThenVerify':
      tl.act(outline.reopenAt ?? tl.after(48, 400), () => ({ action: 'reopen', reason: rng.pick(REOPEN_REASONS) }));
      tl.act(tl.after(24, 120), () => ({ action: 'progress', note: rng.pick(PROGRESS_NOTES) }));
      resolve(tl, problem, tl.after(72, 400));
      verify(tl, problem, tl.after(24, 200));
      break;
    case 'leaveResolved':
      break;
  }
}

/** Progress notes spread before the resolution, and an escalation when the time limit passes first. */
function middleSteps(
  tl: Timeline,
  outline: Outline,
  dueAt: number,
  resolveAt: number,
): { at: number; kind: 'progress' | 'stuck' | 'escalate' }[] {
  const rng = tl.rng;
  const start = tl.at;
  const steps: { at: number; kind: 'progress' | 'stuck' | 'escalate' }[] = [];
  if (outline.neverResolve) {
    // Monthly updates until the data ends; the escalation comes once the limit has passed.
    for (let at = start + rng.between(3, 10) * DAY; at < DATA_END; at += rng.between(20, 40) * DAY) {
      steps.push({ at, kind: at > dueAt ? 'stuck' : 'progress' });
    }
  } else {
    for (let i = 0; i < outline.progressNotes; i += 1)
      steps.push({ at: rng.between(start, resolveAt), kind: 'progress' });
  }
  const escalateAt =
    outline.escalate === 'whenOverdue'
      ? dueAt + rng.between(1, 5) * DAY
      : outline.escalate === 'early'
        ? rng.between(start, resolveAt)
        : Infinity;
  if (escalateAt < resolveAt) steps.push({ at: escalateAt, kind: 'escalate' });
  return steps.sort((a, b) => a.at - b.at);
}

/** The first assignment, possibly to the wrong department, then the right one. */
function route(tl: Timeline, problem: ProblemBase, outline: Outline): void {
  const right = responsibleDepartment(problem);
  const firstAssignAt = tl.after(...outline.assignDelay);
  if (outline.misroute === 'none') {
    assign(tl, problem, right, firstAssignAt);
    return;
  }
  const wrong = problem.topic.departments[1] ?? 'gxj';
  assign(tl, problem, wrong, firstAssignAt);
  if (outline.misroute === 'returned') {
    tl.act(tl.after(3, 48), () => ({
      action: 'return',
      reason: `该事项不属于本单位职责范围，建议转${departmentName(right)}办理`,
    }));
    assign(tl, problem, right, tl.after(2, 24));
  } else {
    assign(tl, problem, right, tl.after(2, 48), `经协调改由${departmentName(right)}牵头办理`);
  }
}

function responsibleDepartment(problem: ProblemBase): DepartmentCode {
  return problem.topic.departments[0]!;
}

function assign(tl: Timeline, problem: ProblemBase, department: DepartmentCode, earliest: number, lead?: string): void {
  const days = tl.rng.pick(DUE_DAYS[problem.category]);
  tl.act(earliest, (at) => {
    const dueAt = new Date(beijingMidnight(at) + days * DAY + WORKDAY_END);
    const note = `请于${monthDay(dueAt.getTime())}前办结并反馈`;
    return { action: 'assign', departmentId: departmentId(department), dueAt, note: lead ? `${lead}，${note}` : note };
  });
}

function resolve(tl: Timeline, problem: ProblemBase, earliest: number): void {
  tl.act(earliest, () => ({ action: 'resolve', resolution: problem.topic.resolution }));
}

/** The enterprise's feedback on a follow-up call: mostly satisfied. */
function verify(tl: Timeline, problem: ProblemBase, earliest: number): void {
  const satisfaction: Satisfaction = tl.rng.chance(0.72) ? 'satisfied' : 'basically_satisfied';
  tl.act(earliest, () => ({ action: 'verify', satisfaction, feedback: tl.rng.pick(FEEDBACK[satisfaction]) }));
}

// ---------------------------------------------------------------------------------------------
// The whole data set and its key figure
// ---------------------------------------------------------------------------------------------

interface DemoData {
  enterprises: Enterprise[];
  visits: Visit[];
  problems: Problem[];
}

function buildDemoData(): DemoData {
  const enterprises = buildEnterprises();
  const numbered = numberProblems(draftProblems(enterprises));
  const visits = buildVisits(numbered, enterprises);
  const problems = numbered.map((problem) => ({ ...problem, timeline: buildTimeline(problem) }));
  return { enterprises, visits, problems };
}

/** The resolution rate as the report computes it (src/reports/resolution-rate.sql.ts), from the planned events. */
function resolutionRate(
  problems: Problem[],
  from: number,
  to: number,
  asOf: number,
): { recorded: number; resolved: number } {
  let recorded = 0;
  let resolved = 0;
  for (const p of problems) {
    if (p.reportedAt < from || p.reportedAt >= to) continue;
    const status = p.timeline.statusAt(asOf);
    if (status === null || status === 'withdrawn') continue;
    recorded += 1;
    if (RESOLVED_STATUSES.includes(status)) resolved += 1;
  }
  return { recorded, resolved };
}

/** Refuses to load a data set that does not reproduce the published 2025-Q1 figure. */
function assertKeyFigure(problems: Problem[]): void {
  const atQuarterEnd = resolutionRate(problems, KEY_QUARTER.from, KEY_QUARTER.to, KEY_QUARTER.to);
  const atDataEnd = resolutionRate(problems, KEY_QUARTER.from, KEY_QUARTER.to, DATA_END);
  if (
    atQuarterEnd.recorded !== KEY_RECORDED ||
    atQuarterEnd.resolved !== KEY_RESOLVED ||
    atDataEnd.recorded !== KEY_RECORDED ||
    atDataEnd.resolved <= KEY_RESOLVED
  ) {
    throw new Error(
      `demo data: 2025-Q1 gives ${atQuarterEnd.resolved}/${atQuarterEnd.recorded} at the quarter's end and ` +
        `${atDataEnd.resolved}/${atDataEnd.recorded} later; expected ${KEY_RESOLVED}/${KEY_RECORDED}, then more resolved`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Inserting: one statement per table, rows passed as one JSON array
// ---------------------------------------------------------------------------------------------

/** Inserts rows in the given order, each row an object keyed by column; `columns` maps each to its SQL type. */
async function insertRows(
  db: Queryable,
  table: string,
  columns: Record<string, string>,
  rows: object[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name]}`).join(', ');
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')}
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${definitions})) WITH ORDINALITY AS r(${names.join(', ')}, ord)
     ORDER BY ord`,
    [JSON.stringify(rows)],
  );
}

/** Departments and people are as old as the programme. */
const REGISTERED_AT = iso(beijing(2023, 11, 20, 9));

async function insertDemoData(db: Queryable, data: DemoData, passwordHash: string): Promise<void> {
  await insertRows(
    db,
    'departments',
    { id: 'uuid', code: 'text', name: 'text', created_at: 'timestamptz' },
    DEPARTMENTS.map((d) => ({ id: departmentId(d.code), code: d.code, name: d.name, created_at: REGISTERED_AT })),
  );
  await insertRows(
    db,
    'users',
    {
      id: 'uuid',
      username: 'text',
      display_name: 'text',
      role: 'text',
      department_id: 'uuid',
      password_hash: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    DEMO_USERS.map((u) => ({
      id: userId(u.username),
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      department_id: u.departmentCode ? departmentId(u.departmentCode) : null,
      password_hash: passwordHash,
      created_at: REGISTERED_AT,
      updated_at: REGISTERED_AT,
    })),
  );
  await insertEnterprises(db, data.enterprises);
  await insertVisits(db, data.visits);
  await insertProblems(db, data.problems);
  await insertEvents(db, data.problems);
  await insertCounters(db, data.problems);
}

async function insertEnterprises(db: Queryable, enterprises: Enterprise[]): Promise<void> {
  await insertRows(
    db,
    'enterprises',
    {
      id: 'uuid',
      name: 'text',
      uscc: 'text',
      district_code: 'text',
      industry: 'text',
      is_above_scale: 'boolean',
      is_key: 'boolean',
      address: 'text',
      contact_name: 'text',
      contact_phone: 'text',
      created_by: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      uscc: e.uscc,
      district_code: e.districtCode,
      industry: e.industry,
      is_above_scale: e.isAboveScale,
      is_key: e.isKey,
      address: e.address,
      contact_name: e.contactName,
      contact_phone: e.contactPhone,
      created_by: e.createdBy,
      created_at: iso(e.createdAt),
      updated_at: iso(e.createdAt),
    })),
  );
}

async function insertVisits(db: Queryable, visits: Visit[]): Promise<void> {
  await insertRows(
    db,
    'visits',
    {
      id: 'uuid',
      enterprise_id: 'uuid',
      visited_at: 'timestamptz',
      purpose: 'text',
      notes: 'text',
      policies_promoted: 'text[]',
      created_by: 'uuid',
      created_at: 'timestamptz',
    },
    visits.map((v) => ({
      id: v.id,
      enterprise_id: v.enterpriseId,
      visited_at: iso(v.visitedAt),
      purpose: v.purpose,
      notes: v.notes,
      policies_promoted: v.policies,
      created_by: v.officials[0],
      created_at: iso(v.createdAt),
    })),
  );
  await insertRows(
    db,
    'visit_officials',
    { visit_id: 'uuid', user_id: 'uuid' },
    visits.flatMap((v) => v.officials.map((official) => ({ visit_id: v.id, user_id: official }))),
  );
}

/** The row holds the state after the last event; version counts the events after `created`. */
async function insertProblems(db: Queryable, problems: Problem[]): Promise<void> {
  await insertRows(
    db,
    'problems',
    {
      id: 'uuid',
      code: 'text',
      enterprise_id: 'uuid',
      visit_id: 'uuid',
      source: 'text',
      category_code: 'text',
      title: 'text',
      description: 'text',
      reported_at: 'timestamptz',
      status: 'text',
      department_id: 'uuid',
      due_at: 'timestamptz',
      resolution: 'text',
      satisfaction: 'text',
      feedback: 'text',
      escalated: 'boolean',
      duplicate_of: 'uuid',
      version: 'integer',
      created_by: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      resolved_at: 'timestamptz',
      last_event_type: 'text',
    },
    problems.map((p) => {
      const { state, events } = p.timeline;
      const lastResolve = events.filter((e) => e.type === 'resolve').pop();
      const resolved = RESOLVED_STATUSES.includes(state.status);
      return {
        id: p.id,
        code: p.code,
        enterprise_id: p.enterprise.id,
        visit_id: p.visitId,
        source: p.source,
        category_code: p.category,
        title: p.title,
        description: p.description,
        reported_at: iso(p.reportedAt),
        status: state.status,
        department_id: state.departmentId,
        due_at: state.dueAt?.toISOString() ?? null,
        resolution: state.resolution,
        satisfaction: state.satisfaction,
        feedback: state.feedback,
        escalated: state.escalated,
        duplicate_of: state.duplicateOf,
        version: events.length,
        created_by: p.createdBy,
        created_at: iso(events[0]!.at),
        updated_at: iso(events[events.length - 1]!.at),
        resolved_at: resolved && lastResolve ? iso(lastResolve.at) : null,
        last_event_type: events[events.length - 1]!.type,
      };
    }),
  );
}

/** In time order across all problems, so the identity ids grow with time as they would have live. */
async function insertEvents(db: Queryable, problems: Problem[]): Promise<void> {
  const rows = problems.flatMap((p) => p.timeline.events.map((event, seq) => ({ problem: p, event, seq })));
  rows.sort((a, b) => a.event.at - b.event.at || a.problem.code.localeCompare(b.problem.code) || a.seq - b.seq);
  await insertRows(
    db,
    'problem_events',
    {
      problem_id: 'uuid',
      type: 'text',
      from_status: 'text',
      to_status: 'text',
      department_id: 'uuid',
      actor_id: 'uuid',
      at: 'timestamptz',
      note: 'text',
      data: 'jsonb',
    },
    rows.map(({ problem, event }) => ({
      problem_id: problem.id,
      type: event.type,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      department_id: event.departmentId,
      actor_id: event.actorId,
      at: iso(event.at),
      note: event.note,
      data: event.data,
    })),
  );
}

/** New problems continue each year's sequence after the demo's codes. */
async function insertCounters(db: Queryable, problems: Problem[]): Promise<void> {
  const last = new Map<number, number>();
  for (const p of problems) {
    const [, year, value] = p.code.split('-');
    last.set(Number(year), Math.max(last.get(Number(year)) ?? 0, Number(value)));
  }
  await insertRows(
    db,
    'problem_code_counters',
    { year: 'integer', last_value: 'integer' },
    [...last].sort(([a], [b]) => a - b).map(([year, lastValue]) => ({ year, last_value: lastValue })),
  );
}
