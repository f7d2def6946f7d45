/** Where a CLI run reads its configuration and writes its output: the process, or a test's buffers. */
export interface CliIo {
  /** DATABASE_URL and CHP_DATA_DIR choose the database, as for the server. */
  env: NodeJS.ProcessEnv;
  stdout: { write(data: string | Uint8Array): unknown };
  stderr: { write(data: string | Uint8Array): unknown };
}

export function processIo(): CliIo {
  return { env: process.env, stdout: process.stdout, stderr: process.stderr };
}
