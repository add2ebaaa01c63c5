import { MigrationInterface, QueryRunner } from 'typeorm';

/** Jiuquan's county-level districts and the problem categories; admins may edit them later. */
export class ReferenceData1764000000001 implements MigrationInterface {
  name = 'ReferenceData1764000000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO districts (code, name, name_en, sort_order) VALUES
        ('suzhou',   '肃州区',             'Suzhou District', 1),
        ('yumen',    '玉门市',             'Yumen City', 2),
        ('dunhuang', '敦煌市',             'Dunhuang City', 3),
        ('jinta',    '金塔县',             'Jinta County', 4),
        ('guazhou',  '瓜州县',             'Guazhou County', 5),
        ('subei',    '肃北蒙古族自治县',   'Subei Mongol Autonomous County', 6),
        ('aksay',    '阿克塞哈萨克族自治县', 'Aksay Kazakh Autonomous County', 7);

      INSERT INTO categories (code, name, name_en, sort_order) VALUES
        ('factor_supply',  '要素保障', 'Factor supply (power, land, water)', 1),
        ('financing',      '融资',     'Financing', 2),
        ('labour',         '用工',     'Labour', 3),
        ('approvals',      '审批手续', 'Permits and approvals', 4),
        ('policy_delivery','政策兑现', 'Policy delivery', 5),
        ('markets',        '市场开拓', 'Market development', 6),
        ('infrastructure', '基础设施', 'Infrastructure', 7),
        ('other',          '其他',     'Other', 8);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM categories; DELETE FROM districts;`);
  }
}
