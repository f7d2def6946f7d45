import {
  addCounty,
  cellTotal,
  generateHealthRecordsDemo,
  generateRegisterDemo,
  generateSurveillanceDemo,
  HealthRecordsDemoError,
  readCountyFigures,
  readResidentCells,
  RegisterDemoError,
} from '@chp/db';
import type { HealthRecordCounts } from '@chp/db';
import type { Command } from 'commander';
import { parseCountyCode, parseYear } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../with-database.js';

interface DemoCommandOptions {
  county: string;
  scale?: string;
  residents?: string;
  seed: string;
  from: string;
  to: string;
}

function parseInteger(text: string, option: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
    throw new CliError(`${option} 的值“${text}”无效：应为 ${String(min)} 至 ${String(max)} 之间的整数`, 2);
  }
  return value;
}

/** `--scale`, or the county's 2020 resident population when data/demo/counties.json has it. */
function residentsOf(countyCode: string, scale: string | undefined): number {
  if (scale !== undefined) return parseInteger(scale, '--scale', 100, 10_000_000);
  const known = readCountyFigures(countyCode).residents2020?.value;
  if (known === undefined) throw new CliError(`没有县（区）${countyCode} 的常住人口数，请用 --scale 指定`, 2);
  return known;
}

function healthRecordLines(counts: HealthRecordCounts, living: number, to: number): string[] {
  return [
    `  居民健康档案 ${String(counts.resident)} 人（${String(to)} 年末在管 ${String(living)} 人，其余已死亡或迁出），${String(counts.household)} 户`,
    `  项目管理 ${String(counts.programEnrolment)} 人次，随访 ${String(counts.followUp)} 次，预防接种 ${String(counts.vaccination)} 剂`,
    `  就诊 ${String(counts.encounter)} 次（诊断 ${String(counts.diagnosis)} 条，处方 ${String(counts.prescription)} 条，检查检验 ${String(counts.observation)} 项）`,
    `  家庭医生团队 ${String(counts.familyDoctorTeam)} 个，签约 ${String(counts.familyDoctorContract)} 份`,
  ];
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      '为一个县（区）生成可复现的演示数据：人口、出生、死亡、机构、床位、卫生人员、托位登记，以及居民健康档案、基本公共卫生服务和家庭医生签约'
    )
    .requiredOption('--county <code>', '6 位县级行政区划代码，如 321323')
    .option('--scale <residents>', '首年常住人口数，如 100000；省略时用 data/demo/counties.json 中该县 2020 年常住人口')
    .option(
      '--residents <n>',
      '生成健康档案的居民数（从末年常住人口中按乡镇、性别、年龄抽样），0 表示不生成；省略时为末年全部常住人口'
    )
    .option('--seed <n>', '随机种子（相同种子生成相同数据）', '1')
    .option('--from <year>', '起始年份', '2016')
    .option('--to <year>', '结束年份', '2025')
    .action(async (options: DemoCommandOptions) => {
      const countyCode = parseCountyCode(options.county);
      const residents = residentsOf(countyCode, options.scale);
      const seed = parseInteger(options.seed, '--seed', 0, 2 ** 31 - 1);
      const years = { from: parseYear(options.from), to: parseYear(options.to) };
      if (years.from > years.to) throw new CliError(`起始年份 ${options.from} 晚于结束年份 ${options.to}`, 2);
      const wanted =
        options.residents === undefined ? null : parseInteger(options.residents, '--residents', 0, 10_000_000);
      const { name, counts, living, records, surveillance } = await withDatabase(io.env, async (db, idCipher) => {
        const county = await addCounty(db, countyCode);
        try {
          const counts = await generateRegisterDemo(db, { countyCode, residents, seed, years });
          const living = wanted ?? cellTotal(await readResidentCells(db, countyCode, years.to));
          const records =
            living === 0
              ? null
              : await generateHealthRecordsDemo(db, { countyCode, residents: living, seed, years, idCipher });
          // Surveillance cards are of the demo residents, so they follow the health records.
          const surveillance =
            records === null
              ? null
              : await generateSurveillanceDemo(db, { countyCode, seed, endDate: `${String(years.to)}-12-31` });
          return { name: county.name, counts, living, records, surveillance };
        } catch (error) {
          if (error instanceof RegisterDemoError || error instanceof HealthRecordsDemoError) {
            throw new CliError(error.message);
          }
          throw error;
        }
      });
      io.stdout.write(
        [
          `已为 ${name}（${countyCode}）生成 ${String(years.from)}–${String(years.to)} 年演示登记数据（随机种子 ${String(seed)}）：`,
          `  常住人口 ${String(counts.population)} 人（${String(years.from)} 年）`,
          `  活产 ${String(counts.births)} 例，死亡 ${String(counts.deaths)} 例`,
          `  机构 ${String(counts.facilities)} 个，实有床位 ${String(counts.beds)} 张（${String(years.to)} 年）`,
          `  卫生人员 ${String(counts.workers)} 人`,
          `  托位 ${String(counts.childcare)} 个（${String(years.to)} 年）`,
          ...(records === null ? [] : healthRecordLines(records, living, years.to)),
          ...(surveillance === null
            ? []
            : [
                `  监测哨点 ${String(surveillance.sites)} 个，症状监测日计数 ${String(surveillance.signalCounts)} 条，传染病报告卡 ${String(surveillance.cases)} 张，预警信号 ${String(surveillance.alerts)} 个`,
              ]),
          '',
        ].join('\n')
      );
    });
}
