import { writeFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { innermostMessage } from './error-message.js';

/** Writes `data` to the file `out`, or to stdout when `out` is undefined or '-'. */
export async function writeOutput(io: CliIo, data: string | Buffer, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout.write(data);
    return;
  }
  try {
    await writeFile(out, data);
  } catch (error) {
    throw new CliError(`无法写入 ${out}：${innermostMessage(error)}`);
  }
  io.stderr.write(`已写入 ${out}\n`);
}
