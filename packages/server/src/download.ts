/** Sends a generated file with a Chinese file name (RFC 6266 filename* plus an ASCII fallback). */
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function contentDisposition(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendFile(
  reply: FastifyReply,
  data: Buffer,
  type: string,
  fileName: string,
  fallback: string
): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(fileName, fallback))
    .header('cache-control', 'no-store')
    .send(data);
}
