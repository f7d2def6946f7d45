import { writeFile } from 'node:fs/promises';

/** Writes `data` to `out`, or to stdout when `out` is undefined or '-'. */
export async function writeOutput(data: string | Buffer, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    process.stdout.write(data);
    return;
  }
  await writeFile(out, data);
  process.stderr.write(`已写入 ${out}\n`);
}
