/** Chinese wording of the file-system errors `chp` can meet when writing its output. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: '目录不存在',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EISDIR: '这是一个目录',
  ENOSPC: '磁盘空间不足',
  EROFS: '文件系统只读',
};

/**
 * The most specific message of an error: drivers wrap the useful one ("connect ECONNREFUSED …",
 * "database … does not exist") in a generic "Failed query" error, so follow `cause` to the innermost.
 */
export function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) {
    current = current.cause;
  }
  if (!(current instanceof Error)) {
    return String(current);
  }
  const code = (current as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : FILE_ERRORS[code]) ?? current.message;
}
