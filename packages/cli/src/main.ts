/** The `chp` command-line tool: plan data, evaluation and reports for county health commissions. */
import { Command, CommanderError } from 'commander';
import { registerCountyCommands } from './commands/county.js';
import { registerEvaluateCommand } from './commands/evaluate.js';
import { registerInitCommand } from './commands/init.js';
import { registerPlanCommands } from './commands/plan.js';
import { registerReportCommand } from './commands/report.js';
import { CliError } from './cli-error.js';

export function buildProgram(): Command {
  const program = new Command('chp')
    .description('县域卫生健康信息平台 command-line tool (County Health Platform)')
    .exitOverride()
    .showHelpAfterError();
  registerInitCommand(program);
  registerCountyCommands(program);
  registerPlanCommands(program);
  registerEvaluateCommand(program);
  registerReportCommand(program);
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`chp: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`chp: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
