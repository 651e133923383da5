import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';

export interface HealthResponse {
  status: 'ok' | 'error';
  database: { type: string; status: 'up' | 'down'; migrationsPending: boolean | null };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const type = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    try {
      await this.dataSource.query('SELECT 1');
      const migrationsPending = await this.dataSource.showMigrations();
      return { status: 'ok', database: { type, status: 'up', migrationsPending } };
    } catch {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: { type, status: 'down', migrationsPending: null } };
    }
  }
}
