import { addCounty, generateRegisterDemo, readCountyFigures, RegisterDemoError } from '@chp/db';
import type { Command } from 'commander';
import { parseCountyCode, parseYear } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../with-database.js';

interface DemoCommandOptions {
  county: string;
  scale?: string;
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

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('为一个县（区）生成可复现的演示登记数据：人口、出生、死亡、机构、床位、卫生人员、托位')
    .requiredOption('--county <code>', '6 位县级行政区划代码，如 321323')
    .option('--scale <residents>', '首年常住人口数，如 100000；省略时用 data/demo/counties.json 中该县 2020 年常住人口')
    .option('--seed <n>', '随机种子（相同种子生成相同数据）', '1')
    .option('--from <year>', '起始年份', '2016')
    .option('--to <year>', '结束年份', '2025')
    .action(async (options: DemoCommandOptions) => {
      const countyCode = parseCountyCode(options.county);
      const residents = residentsOf(countyCode, options.scale);
      const seed = parseInteger(options.seed, '--seed', 0, 2 ** 31 - 1);
      const years = { from: parseYear(options.from), to: parseYear(options.to) };
      if (years.from > years.to) throw new CliError(`起始年份 ${options.from} 晚于结束年份 ${options.to}`, 2);
      const { name, counts } = await withDatabase(io.env, async (db) => {
        const county = await addCounty(db, countyCode);
        try {
          return { name: county.name, counts: await generateRegisterDemo(db, { countyCode, residents, seed, years }) };
        } catch (error) {
          if (error instanceof RegisterDemoError) throw new CliError(error.message);
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
          '',
        ].join('\n')
      );
    });
}
