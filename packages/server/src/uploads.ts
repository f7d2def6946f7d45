/** Files uploaded as multipart/form-data (field `file`), read into memory for the imports. */
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export interface UploadedFile {
  name: string;
  data: Buffer;
}

/** Busboy's error when a request carries more files than the limit. */
const FILES_LIMIT_CODE = 'FST_FILES_LIMIT';

/**
 * The request's files, at most `maxFiles` of them; `expected` names what to upload in the message when
 * there is none, e.g. 'Excel 文件'. The size limit per file is the one the multipart plugin was given.
 */
export async function readUploads(
  request: FastifyRequest,
  expected: string,
  maxFiles = 1
): Promise<[UploadedFile, ...UploadedFile[]]> {
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.files({ limits: { files: maxFiles } })) {
      files.push({ name: part.filename, data: await part.toBuffer() });
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === FILES_LIMIT_CODE) {
      throw new HttpError(413, 'too_many_files', `一次最多上传 ${maxFiles} 个文件`);
    }
    throw error;
  }
  const [first, ...more] = files;
  if (first === undefined) {
    throw new HttpError(400, 'file_missing', `请上传 ${expected}（表单字段 file）`);
  }
  return [first, ...more];
}
