import { Controller, Get, HttpStatus, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';

/** Anonymous callers (load balancers) learn up or down; signed-in admins the database detail. */
export interface HealthResponse {
  status: 'ok' | 'error';
  database?: { type: string; status: 'up' | 'down'; migrationsPending: boolean | null };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthResponse> {
    const type = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const detail = request.authUser?.roles.includes('admin') ?? false;
    try {
      await this.dataSource.query('SELECT 1');
      if (!detail) return { status: 'ok' };
      const migrationsPending = await this.dataSource.showMigrations();
      return { status: 'ok', database: { type, status: 'up', migrationsPending } };
    } catch {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      if (!detail) return { status: 'error' };
      return { status: 'error', database: { type, status: 'down', migrationsPending: null } };
    }
  }
}
