/** Errors as `ApiError` JSON: one handler maps validation, workflow and HTTP errors to a status and body. */
import type { ApiError, ImportIssue } from '@chp/core';
import { AccessError, UnknownCountyError } from '@chp/db';
import type { AccessErrorKind } from '@chp/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { operationOutcome } from './fhir/bundle.js';
import { FHIR_JSON } from './fhir/systems.js';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ImportIssue[] | undefined;

  constructor(status: number, code: string, message: string, details?: ImportIssue[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (message = '资源不存在或无权访问'): HttpError => new HttpError(404, 'not_found', message);
export const forbidden = (message = '没有执行此操作的权限'): HttpError => new HttpError(403, 'forbidden', message);
export const unauthorized = (message = '请先登录'): HttpError => new HttpError(401, 'unauthorized', message);

const ACCESS_STATUS: Record<AccessErrorKind, number> = { not_found: 404, invalid: 400, conflict: 409, forbidden: 403 };

const LOCATION_NAMES: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

export function sendError(thrown: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const [status, body] = toApiError(error);
  if (status >= 500) {
    request.log.error(error);
  }
  if (request.url.startsWith('/fhir')) {
    return reply.code(status).type(FHIR_JSON).send(operationOutcome(status, body.message));
  }
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function toApiError(error: Error): [number, ApiError] {
  if (error instanceof HttpError) {
    const body: ApiError = { error: error.code, message: error.message };
    if (error.details) {
      body.details = error.details;
    }
    return [error.status, body];
  }
  if (error instanceof AccessError) {
    return [ACCESS_STATUS[error.kind], { error: error.code, message: error.message }];
  }
  if (error instanceof UnknownCountyError) {
    return [400, { error: 'unknown_county', message: error.message }];
  }
  const { validation, validationContext } = error as Partial<FastifyError>;
  if (validation) {
    const where = LOCATION_NAMES[validationContext ?? ''] ?? '请求';
    const fields = validation.map((issue) => {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(整体)';
      return `${field}：${issue.message}`;
    });
    return [400, { error: 'validation_error', message: `${where}不符合要求：${fields.join('；')}` }];
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status < 500) {
    return [status, { error: 'bad_request', message: requestErrorMessage(error, status) }];
  }
  return [500, { error: 'internal_error', message: '服务器内部错误，请稍后重试或联系管理员' }];
}

function requestErrorMessage(error: Error, status: number): string {
  if (status === 413) {
    return '上传的文件过大';
  }
  if (status === 415) {
    return '不支持的请求内容类型';
  }
  return `请求无效：${error.message}`;
}
