/** The demo data set's fixed content: departments, people, districts, industries, and the words of problems and notes. */
import { Satisfaction } from '../workflow/satisfactions';
import type { Source } from './demo-problems';
import { demoId } from './demo-time';

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'manager' | 'official' | 'handler';
  departmentCode?: string;
  /** An account that can no longer sign in (an official who left); its history stays. */
  disabled?: boolean;
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
  // The outreach (包联走访): officials of every district, the leaders of the key enterprises, and two
  // officials who left, whose enterprises were handed over (who answers for what: demo-outreach.ts).
  { username: 'official-suzhou', displayName: '郭子豪', role: 'official' },
  { username: 'official-yumen', displayName: '何雪梅', role: 'official' },
  { username: 'official-yumen2', displayName: '罗志刚', role: 'official' },
  { username: 'official-dunhuang', displayName: '谢婷', role: 'official' },
  { username: 'official-dunhuang2', displayName: '唐国庆', role: 'official' },
  { username: 'official-jinta', displayName: '韩明', role: 'official' },
  { username: 'official-jinta2', displayName: '冯晓燕', role: 'official' },
  { username: 'official-guazhou', displayName: '邓伟', role: 'official' },
  { username: 'official-guazhou2', displayName: '曹丽娟', role: 'official' },
  { username: 'official-subei', displayName: '彭勇', role: 'official' },
  { username: 'official-aksay', displayName: '梁慧', role: 'official' },
  { username: 'leader1', displayName: '高振华（市级包联领导）', role: 'official' },
  { username: 'leader2', displayName: '林秀英（市级包联领导）', role: 'official' },
  { username: 'leader3', displayName: '宋建军（市级包联领导）', role: 'official' },
  { username: 'official-former', displayName: '周涛（已调离）', role: 'official', disabled: true },
  { username: 'official-former2', displayName: '吴静（已调离）', role: 'official', disabled: true },
];

// ---------------------------------------------------------------------------------------------
// Reference content
// ---------------------------------------------------------------------------------------------

export const DEPARTMENTS = [
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
export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

export const departmentName = (code: DepartmentCode): string => DEPARTMENTS.find((d) => d.code === code)!.name;
export const departmentId = (code: string): string => demoId('department', code);
export const userId = (username: string): string => demoId('user', username);

export const MANAGERS = ['manager', 'manager2'];
export const OFFICIALS = ['official', 'official2'];

/** The handler who acts for a department, when the demo has one; otherwise a manager acts for it. */
export const HANDLER_BY_DEPARTMENT = new Map(
  DEMO_USERS.filter((u) => u.role === 'handler').map((u) => [departmentId(u.departmentCode!), userId(u.username)]),
);

/** The industries the reports name, as stored in enterprises.industry. */
export type Industry =
  | 'new_energy_equipment'
  | 'renewable_power'
  | 'petrochemicals'
  | 'coal_coking'
  | 'agri_processing'
  | 'logistics'
  | 'tourism';

/** The word an enterprise of each industry carries in its name. */
export const INDUSTRY_WORDS: Record<Industry, string[]> = {
  new_energy_equipment: ['新能源装备', '风电装备', '光伏支架', '风电叶片', '储能设备', '塔筒制造'],
  renewable_power: ['新能源发电', '风力发电', '光伏发电', '光热发电', '清洁能源'],
  petrochemicals: ['石油化工', '精细化工', '化工科技'],
  coal_coking: ['煤业', '焦化', '洗煤', '煤化工'],
  agri_processing: ['农产品加工', '食品', '果蔬', '种业', '脱水蔬菜', '牧业'],
  logistics: ['物流', '供应链', '陆港物流', '运输'],
  tourism: ['文化旅游', '旅游开发', '酒店管理', '文旅'],
};

export interface District {
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
export const DISTRICTS: District[] = [
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

export const NAME_SYLLABLES = [
  ...'恒源鑫泰华盛瑞宏达丰昌隆嘉信通远祥和晟润益诚联创正安金阳天弘泓蓝海光明德科博祁瀚朔晨禾旭康汇邦峰',
];
export const ROADS = ['祁连路', '工业大道', '新能源路', '西环路', '南园路', '富康路', '金穗路', '戈壁路', '玉关路'];
export const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭'];
export const GIVEN_NAMES = [
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
export const MOBILE_PREFIXES = [
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

export const POLICIES = [
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

export const VISIT_PURPOSES = [
  '季度例行走访',
  '政策宣讲和诉求收集',
  '重点项目建设进度调研',
  '新能源产业链调研',
  '节前走访慰问',
  '生产经营情况调研',
];
export const QUIET_VISIT_NOTES = [
  '企业生产经营平稳，暂无需协调事项',
  '企业订单充足，对营商环境表示认可',
  '宣讲惠企政策，企业表示将积极申报',
  '了解企业年度生产计划，暂无诉求',
  '企业新项目前期工作顺利，将持续跟踪服务',
];

export type CategoryCode =
  'factor_supply' | 'financing' | 'labour' | 'approvals' | 'policy_delivery' | 'markets' | 'infrastructure' | 'other';

/** How often each category comes up. */
export const CATEGORY_WEIGHTS: Record<CategoryCode, number> = {
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
export const DUE_DAYS: Record<CategoryCode, number[]> = {
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
export interface Topic {
  title: string;
  detail: string;
  resolution: string;
  /** The responsible department first; the others are where it may be misrouted. */
  departments: DepartmentCode[];
  /** Only enterprises of these industries raise it; any enterprise when absent. */
  industries?: Industry[];
}

export const TOPICS: Record<CategoryCode, Topic[]> = {
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

export const ASKS = ['希望相关部门协调解决。', '恳请尽快协调办理。', '希望帮助对接解决。', '请求协调推进。'];
export const CREATED_NOTES: Record<Source, string> = {
  visit: '走访中登记',
  hotline: '12345热线转办',
  online: '网上诉求平台受理',
  meeting: '政企座谈会收集',
  other: '其他渠道登记',
};
export const ACCEPT_NOTES = ['已签收，指定专人对接企业', '已受理，正在研究办理', '已签收，将按时限办结'];
export const PROGRESS_NOTES = [
  '已与企业对接，核实具体诉求',
  '已召开专题协调会，明确办理路径和时限',
  '已会同相关部门现场踏勘',
  '企业补充材料已收到，正在审核',
  '已报请上级部门支持，等待批复',
  '解决方案已制定，正在推进落实',
  '已约谈相关单位，督促加快办理',
];
export const STUCK_NOTES = [
  '已纳入市级重点协调事项，需省级部门批复',
  '涉及历史遗留问题，正在研究处置方案',
  '已提请市政府专题会议研究',
  '相关手续仍在办理中，每周向企业通报进展',
];
export const ESCALATE_NOTES = [
  '超过办理时限未办结，纳入周调度督办',
  '企业多次催办，市营商办挂牌督办',
  '列入预警事项，限期办结',
];
export const FEEDBACK: Record<Satisfaction, string[]> = {
  satisfied: ['企业对办理结果表示满意', '回访企业，问题已解决，企业满意'],
  basically_satisfied: ['企业基本满意，希望后续持续跟进', '问题基本解决，部分事项仍需时间'],
  unsatisfied: ['企业反映问题未实际解决，要求继续办理', '企业对办理时效不满意，问题仍然存在'],
};
export const REOPEN_REASONS = ['企业反映问题再次出现，重新办理', '回访发现措施落实不到位，要求重新办理'];
export const INVALID_REASONS = ['经核实属于企业间经济纠纷，不属于涉企服务事项，予以撤回', '企业已自行解决，申请撤回'];

// ---------------------------------------------------------------------------------------------
// The outreach (包联走访): routine visits
// ---------------------------------------------------------------------------------------------

/** Policies promoted on routine visits to any enterprise. */
export const ROUTINE_POLICIES = [
  '失业保险稳岗返还政策',
  '研发费用税前加计扣除政策',
  '专精特新中小企业培育政策',
  '政府性融资担保支持政策',
  '增值税留抵退税政策',
  '小微企业“六税两费”减免政策',
  '创业担保贷款及贴息政策',
  '吸纳高校毕业生就业社保补贴政策',
  '设备更新和技术改造贷款贴息政策',
  '“陇信通”融资信用服务平台',
  '甘肃省促进民营经济高质量发展若干措施',
];

/** Policies that only some industries are told about. */
export const INDUSTRY_POLICIES: Record<Industry, string[]> = {
  new_energy_equipment: ['酒泉市支持新能源装备制造业发展若干措施', '出口信用保险支持政策'],
  renewable_power: ['绿色电力交易支持政策', '酒泉市支持新能源装备制造业发展若干措施'],
  petrochemicals: ['工业企业节能降碳技术改造支持政策'],
  coal_coking: ['工业企业节能降碳技术改造支持政策'],
  agri_processing: ['农业产业化龙头企业贷款贴息政策', '出口信用保险支持政策'],
  logistics: ['物流降本增效支持政策'],
  tourism: ['文旅企业纾困帮扶政策'],
};

/** A routine visit's notes; `{e}` is the enterprise's short name, `{p}` the first policy promoted. */
export const ROUTINE_VISIT_NOTES = [
  '{e}生产经营平稳，宣讲{p}，企业表示将对照条件申报',
  '了解{e}订单和用工情况，经营正常，暂无需协调事项',
  '回访{e}前期反映问题的办理情况，企业表示满意',
  '帮助{e}梳理可享受的税费优惠，指导其通过电子税务局申报',
  '{e}负责人外出，与财务负责人座谈，了解资金周转情况，宣讲{p}',
  '{e}新建生产线进展顺利，下一步关注用电和用工保障',
  '走访{e}，了解年度生产计划和市场开拓情况，企业暂无诉求',
];

/** Why a visit was amended: each with how the record changed. */
export const AMENDMENT_REASONS = {
  date: '走访日期录入有误，按实际走访日期更正',
  notes: '补充企业座谈中反映的用工需求情况',
  policies: '宣讲政策选择有误，按实际宣讲内容更正',
} as const;
export const AMENDED_NOTES_SUFFIX = '；企业计划下季度招聘一线操作工20名，已告知市人社局招聘服务渠道';
export const WITHDRAW_REASON = '同一次走访重复录入，撤回重复记录';

// ---------------------------------------------------------------------------------------------
// Key projects (重点项目) and production status (生产状态)
// ---------------------------------------------------------------------------------------------

/** The industries key manufacturing projects come from (no tourism). */
export const PROJECT_INDUSTRIES: Industry[] = [
  'new_energy_equipment',
  'renewable_power',
  'petrochemicals',
  'coal_coking',
  'agri_processing',
  'logistics',
];

/** What a project builds, after its owner's short name; `{n}` is a capacity drawn from `sizes`. */
export const PROJECT_TEMPLATES: Record<Industry, { name: string; sizes: number[] }[]> = {
  new_energy_equipment: [
    { name: '年产{n}套风电叶片项目', sizes: [300, 500, 800, 1000] },
    { name: '年产{n}套风电塔筒生产线项目', sizes: [200, 300, 500] },
    { name: '{n}GWh储能电池PACK生产线项目', sizes: [2, 3, 5, 10] },
    { name: '年产{n}万吨光伏支架项目', sizes: [5, 10, 15] },
    { name: '风电主机装配基地扩能项目', sizes: [] },
    { name: '年产{n}台套风机齿轮箱项目', sizes: [500, 800, 1000] },
  ],
  renewable_power: [
    { name: '{n}万千瓦风电项目', sizes: [10, 20, 50, 100] },
    { name: '{n}万千瓦光伏治沙项目', sizes: [10, 20, 30, 50] },
    { name: '{n}万千瓦光热发电项目', sizes: [5, 10] },
    { name: '{n}万千瓦“源网荷储”一体化项目', sizes: [20, 50] },
    { name: '{n}兆瓦/{n}兆瓦时独立储能电站项目', sizes: [100, 200] },
  ],
  petrochemicals: [
    { name: '年产{n}万吨精细化工中间体项目', sizes: [2, 5, 10] },
    { name: '炼化装置节能降碳改造项目', sizes: [] },
    { name: '年产{n}万吨绿色甲醇项目', sizes: [10, 20] },
    { name: '年产{n}万吨电子级化学品项目', sizes: [1, 3, 5] },
  ],
  coal_coking: [
    { name: '年产{n}万吨洗煤厂改扩建项目', sizes: [90, 120, 150] },
    { name: '焦炉煤气综合利用项目', sizes: [] },
    { name: '年产{n}万吨焦化超低排放改造项目', sizes: [60, 100] },
    { name: '煤矸石综合利用{n}万吨项目', sizes: [30, 50] },
  ],
  agri_processing: [
    { name: '年产{n}万吨脱水蔬菜加工项目', sizes: [1, 2, 3] },
    { name: '年产{n}万吨番茄制品深加工项目', sizes: [5, 10] },
    { name: '{n}万头肉牛屠宰及精深加工项目', sizes: [5, 10] },
    { name: '果蔬冷链仓储加工中心项目', sizes: [] },
    { name: '年产{n}万吨制种加工中心项目', sizes: [1, 2] },
  ],
  logistics: [
    { name: '陆港多式联运物流园项目', sizes: [] },
    { name: '{n}万吨冷链物流中心项目', sizes: [5, 10] },
    { name: '新能源装备物流仓储基地项目', sizes: [] },
    { name: '铁路专用线及物流场站项目', sizes: [] },
  ],
  tourism: [],
};

/** A project's planned total investment, in hundred million yuan (亿元), by industry. */
export const PROJECT_SIZES: Record<Industry, [number, number]> = {
  new_energy_equipment: [1.5, 12],
  renewable_power: [4, 40],
  petrochemicals: [2, 20],
  coal_coking: [1.5, 10],
  agri_processing: [0.5, 4],
  logistics: [1, 8],
  tourism: [0, 0],
};

/** The departments key projects answer to, with how often. */
export const PROJECT_DEPARTMENTS: Partial<Record<DepartmentCode, number>> = { gxj: 55, fgw: 35, zrzyj: 5, swuj: 5 };

export const STAGE_NOTES = {
  started: ['项目正式开工建设', '完成桩基施工，主体工程开工', '施工许可证已办理，项目开工', '设备基础施工启动'],
  completed: ['主体工程完工，完成竣工验收', '土建和设备安装全部完成，通过竣工验收'],
  in_production: ['试生产完成，正式投产', '首台（套）产品下线，项目投产', '并网发电，项目投产'],
  carried: '上年开工项目，续建',
};

export const INVESTMENT_AMENDMENTS = {
  movedOut: (other: string) => `误将“${other}”的部分投资计入本项目，按实际核减`,
  movedIn: (other: string) => `原误计入“${other}”的本项目投资，按实际补录`,
  audit: '经统计部门审核，剔除不属于固定资产投资的流动资金',
};

export const PRODUCTION_NOTES = {
  idle: ['订单不足，生产线全面停产', '原料供应中断，企业停产', '环保整改，停产检修', '资金周转困难，暂时停产'],
  reduced: ['市场需求下滑，减产运行', '受限电影响，部分产线减产', '原材料价格上涨，压减产量', '主要客户订单推迟，减产'],
  normal: ['订单恢复，全面复产', '检修完成，恢复正常生产', '资金问题解决，恢复满负荷生产', '整改验收通过，恢复生产'],
  monthly: '报送上月产值',
};
