import 'reflect-metadata';
import fastifyCookie, { Signer } from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CsrfTokens, registerCsrfCookie } from '../auth/csrf';
import { ServerSecret } from '../auth/server-secret';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';
import { BODY_LIMIT_BYTES, registerBodyParsers } from '../common/body-parsers';
import { registerSingleQueryValues } from '../common/query';
import { createValidationPipe } from '../common/validation';
import type { AppConfig } from '../config/config';
import { loadDemoData } from '../demo/demo-data';
import { TeamTimelineService } from '../olievlek/team-timeline.service';
import { registerImportUpload } from '../imports/import-upload';
import { AppModule } from './app.module';

export interface CreateAppOptions {
  logger?: LogLevel[] | false;
}

/** Builds the whole application: used by main.ts and by the HTTP tests, so both run the same code. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustedProxies,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    // Our own parsers: limits on size, keys and depth before validation (common/body-parsers.ts).
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(fastify);
  registerSingleQueryValues(fastify);
  // The API speaks JSON only: a text/plain body is a 415, not a string to validate.
  fastify.removeContentTypeParser('text/plain');
  // Except the import, which takes a CSV or XLSX file as its body (own size limit).
  registerImportUpload(fastify);

  // The secret is read from the database when SESSION_SECRET is unset, which happens in init:
  // the signer is made on the first cookie it signs or reads, after that.
  const secret = app.get(ServerSecret);
  let signer: Signer | null = null;
  const cookieSigner = () => (signer ??= new Signer(secret.value));
  await fastify.register(fastifyCookie, {
    secret: {
      sign: (value: string) => cookieSigner().sign(value),
      unsign: (value: string) => cookieSigner().unsign(value),
    },
  });
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
    referrerPolicy: { policy: 'same-origin' },
  });
  registerCsrfCookie(fastify, app.get(CsrfTokens));
  // Every API answer is about someone (a case with private notes, a profile, figures of a scope):
  // no browser or proxy cache keeps it. A route that sets its own Cache-Control keeps that.
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  const webIndex = config.webRoot ? join(config.webRoot, 'index.html') : null;
  const serveWeb = !!webIndex && existsSync(webIndex);
  if (serveWeb && config.webRoot) {
    await fastify.register(fastifyStatic, {
      root: config.webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Assets are precompressed at build time (tools/scripts/precompress.mjs): .br/.gz when accepted.
      preCompressed: true,
    });
  } else if (config.webRoot) {
    new Logger('Web').warn(
      `No built client at ${config.webRoot}: serving the API only (run "npx nx build web").`,
    );
  }

  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter(serveWeb));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Olievlek API')
      .setDescription(
        'Case tracker for organisation-wide change programmes. Every error is { statusCode, error, message, code }.',
      )
      .setVersion('0.1.0')
      .addCookieAuth('olievlek_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await app.init();

  if (config.demoData) {
    await loadDemoData(app.get(DataSource), config.orgTimezone);
  }
  // Demo data (and any data loaded before this start) is written without the services: make
  // the team timelines match it before the first request (ADR 0006).
  const timelines = app.get(TeamTimelineService);
  if (await timelines.isOutOfStep()) await timelines.rebuildAll();
  return app;
}
