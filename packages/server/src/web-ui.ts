/**
 * Serves the built web UI with a single-page-app fallback: any GET outside /api and /fhir that is not a
 * file gets index.html. Without a built UI the root answers with a short Chinese notice.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './errors.js';

const NO_UI_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>县域卫生健康信息平台</title></head>
<body><h1>县域卫生健康信息平台</h1><p>服务已启动，但尚未构建网页界面（运行 <code>npm run build</code> 后刷新）。</p>
<p>接口文档：<a href="/api/docs">/api/docs</a></p></body></html>`;

function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url.startsWith('/fhir');
}

export async function registerWebUi(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasUi = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasUi) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without restarting the server.
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: false, maxAge: '1h' });
  }
  const sendApp = (reply: FastifyReply): FastifyReply =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  if (hasUi) {
    // The wildcard file route would answer the root (a directory) with 403.
    app.get('/', (_request, reply) => sendApp(reply));
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || isApiPath(request.url)) {
      throw notFound(`接口不存在：${request.method} ${request.url.split('?')[0] ?? ''}`);
    }
    if (hasUi) {
      return sendApp(reply);
    }
    return reply.type('text/html; charset=utf-8').send(NO_UI_PAGE);
  });
}
