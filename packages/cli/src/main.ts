/** The `chp` command-line tool: plan data, evaluation and reports for county health commissions. */
import { UnknownCountyError } from '@chp/db';
import { ReportInputError } from '@chp/server';
import { Command, CommanderError } from 'commander';
import { registerCountyCommands } from './commands/county.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerEvaluateCommand } from './commands/evaluate.js';
import { registerIndicatorCommands } from './commands/indicator.js';
import { registerInitCommand } from './commands/init.js';
import { registerPlanCommands } from './commands/plan.js';
import { registerRegisterCommands } from './commands/register.js';
import { registerReportCommand } from './commands/report.js';
import { registerSurveillanceCommands } from './commands/surveillance.js';
import { CliError } from './cli-error.js';
import { processIo } from './cli-io.js';
import type { CliIo } from './cli-io.js';
import { useChinese } from './commander-chinese.js';
import { innermostMessage } from './error-message.js';
import { cliVersion } from './version.js';

export function buildProgram(io: CliIo): Command {
  const program = useChinese(new Command('chp'))
    .description('县域卫生健康信息平台命令行工具：规划数据导出与检查、指标评估、评估报告')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .version(cliVersion(), '-V, --version', '显示版本号')
    .exitOverride()
    .showHelpAfterError();
  registerInitCommand(program, io);
  registerCountyCommands(program, io);
  registerPlanCommands(program, io);
  registerEvaluateCommand(program, io);
  registerReportCommand(program, io);
  registerDemoCommand(program, io);
  registerIndicatorCommands(program, io);
  registerRegisterCommands(program, io);
  registerSurveillanceCommands(program, io);
  return program;
}

/** The exit code of an error: 2 for a mistake in the command line (including an unknown county), else 1. */
function exitCode(error: unknown): number {
  if (error instanceof CliError) {
    return error.exitCode;
  }
  return error instanceof UnknownCountyError || error instanceof ReportInputError ? 2 : 1;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (and the help); help and --version end with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(`chp: ${innermostMessage(error)}\n`);
    return exitCode(error);
  }
}
