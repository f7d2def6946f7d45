/** `chp surveillance detect`: runs one outbreak-detection method on a count series from a CSV file. */
import { readFile } from 'node:fs/promises';
import { DETECTION_METHODS, beijingDate, detect, jsonErrorPosition, parseCountCsv } from '@chp/core';
import type { DetectionPoint } from '@chp/core';
import type { Command } from 'commander';
import { parseChoice } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { innermostMessage } from '../error-message.js';
import { registerSurveillanceRunCommand } from './surveillance-run.js';

function parseParams(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const position = jsonErrorPosition(text);
    const where = position === null ? '' : `（第 ${position.line} 行第 ${position.column} 列）`;
    throw new CliError(`--params 不是有效的 JSON${where}`, 2);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('--params 应为 JSON 对象，如 {"alpha":0.01,"baseline":7}', 2);
  }
  return value as Record<string, unknown>;
}

function parseFrequency(value: unknown): 52 | 365 | undefined {
  if (value === undefined || value === 52 || value === 365) return value;
  throw new CliError(`参数 frequency 的值 ${JSON.stringify(value)} 无效：应为 365（日序列）或 52（周序列）`, 2);
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(`无法读取 ${file}：${missing ? '文件不存在' : innermostMessage(error)}`, 2);
  }
}

/** The JSON form of a point: a NaN (or infinite) threshold becomes null, as JSON has no NaN. */
function outputPoint(point: DetectionPoint): {
  date: string;
  observed: number;
  upperbound: number | null;
  alarm: boolean;
} {
  const upperbound = Number.isFinite(point.upperbound) ? point.upperbound : null;
  return { date: point.date, observed: point.observed, upperbound, alarm: point.alarm };
}

export function registerSurveillanceCommands(program: Command, io: CliIo): void {
  const surveillance = program.command('surveillance').description('传染病监测预警');
  surveillance
    .command('detect')
    .description('对一个计数序列（CSV：date,count，逐日或逐周连续）运行预警算法，输出每个评估时间点的 JSON')
    .requiredOption('--method <method>', `算法：${DETECTION_METHODS.join('、')}`)
    .requiredOption('--input <file>', 'CSV 文件，表头 date,count')
    .option('--params <json>', '算法参数 JSON 对象，如 {"alpha":0.01,"baseline":7}')
    .action(async (options: { method: string; input: string; params?: string }) => {
      const method = parseChoice(options.method, DETECTION_METHODS, '--method');
      const params = parseParams(options.params);
      const frequency = parseFrequency(params.frequency);
      const text = await readInput(options.input);
      let points: DetectionPoint[];
      try {
        const series = parseCountCsv(text, { today: beijingDate(), ...(frequency && { frequency }) });
        points = detect(method, series, params);
      } catch (error) {
        throw new CliError(`${options.input}：${innermostMessage(error)}`, 2);
      }
      io.stdout.write(`${JSON.stringify(points.map(outputPoint), null, 2)}\n`);
    });
  registerSurveillanceRunCommand(surveillance, io);
}
