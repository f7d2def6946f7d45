import { readFile } from 'node:fs/promises';
import type { ImportIssue, ImportResult } from '@chp/core';
import { listCountySummaries, REGISTER_IMPORTERS, registerImporter } from '@chp/db';
import type { RegisterImporter } from '@chp/db';
import { buildRegisterTemplate } from '@chp/reports';
import { importRegisterFiles } from '@chp/server';
import type { RegisterFile } from '@chp/server';
import type { Command } from 'commander';
import { parseCountyCode } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { innermostMessage } from '../error-message.js';
import { writeOutput } from '../output.js';
import { withDatabase } from '../with-database.js';

/** Who the audit log names for imports from the command line, which has no signed-in user. */
const CLI_ACTOR = { userId: null, username: 'cli', ip: null };

const MODE_NAMES: Record<ImportResult['mode'], string> = { all: '全部或不导入', 'valid-only': '仅导入正确行' };

const kindList = (): string => REGISTER_IMPORTERS.map((importer) => `${importer.kind}（${importer.name}）`).join('、');

function parseRegister(kind: string): RegisterImporter {
  const importer = registerImporter(kind);
  if (!importer) throw new CliError(`--register 的值“${kind}”无效：应为 ${kindList()} 之一`, 2);
  return importer;
}

async function readFiles(paths: readonly string[]): Promise<RegisterFile[]> {
  return Promise.all(
    paths.map(async (path) => {
      try {
        return { name: path, data: await readFile(path) };
      } catch (error) {
        throw new CliError(`无法读取 ${path}：${innermostMessage(error)}`, 2);
      }
    })
  );
}

function issueLine(issue: ImportIssue): string {
  const where = [
    issue.file,
    issue.sheet === '' ? '' : `工作表“${issue.sheet}”`,
    issue.row > 0 ? `第${issue.row}行` : '',
    issue.column,
  ].filter((part) => part !== '');
  return `  ${where.join(' ')}：${issue.reason}\n`;
}

/** `chp register import|template`: register files (CSV or Excel) into a county's registers, and their templates. */
export function registerRegisterCommands(program: Command, io: CliIo): void {
  const register = program.command('register').description(`登记数据导入：${kindList()}`);
  register
    .command('import')
    .description('把 CSV 或 Excel（.xlsx）登记数据文件导入一个县（区）；Excel 文件的每个工作表都会导入')
    .requiredOption('--county <code>', '县级行政区划代码，如 640221')
    .requiredOption('--register <kind>', `登记数据类型：${REGISTER_IMPORTERS.map((i) => i.kind).join('、')}`)
    .option('--valid-only', '只导入正确的行（默认：有任何错误时全部不导入）')
    .argument('<files...>', 'CSV 或 .xlsx 文件，可多个')
    .action(async (paths: string[], options: { county: string; register: string; validOnly?: boolean }) => {
      const county = parseCountyCode(options.county);
      const importer = parseRegister(options.register);
      const mode = options.validOnly === true ? 'valid-only' : 'all';
      const files = await readFiles(paths);
      const result = await withDatabase(io.env, async (db, idCipher) => {
        const [installed] = await listCountySummaries(db, [county]);
        if (!installed) throw new CliError(`县（区）${county} 尚未添加到平台，请先运行 chp county add ${county}`, 2);
        return importRegisterFiles(db, CLI_ACTOR, county, importer, files, mode, idCipher);
      });
      io.stdout.write(
        `${importer.name}（${county}，${MODE_NAMES[mode]}）：已导入 ${result.imported} 行，未导入 ${result.skipped} 行，错误 ${result.errors.length} 处\n`
      );
      for (const issue of result.errors) io.stderr.write(issueLine(issue));
      if (result.errors.length > 0 && result.imported === 0) {
        const hint = mode === 'all' ? '，或加 --valid-only 只导入正确的行' : '';
        throw new CliError(`未导入任何数据：请按上列错误修改文件后重新导入${hint}`);
      }
    });
  register
    .command('template')
    .description('生成登记数据的 Excel 导入模板（空表，中文表头）')
    .requiredOption('--register <kind>', `登记数据类型：${REGISTER_IMPORTERS.map((i) => i.kind).join('、')}`)
    .requiredOption('--out <file>', '模板文件路径，如 出生登记.xlsx')
    .action(async (options: { register: string; out: string }) => {
      const importer = parseRegister(options.register);
      await writeOutput(io, await buildRegisterTemplate(importer), options.out);
    });
}
