import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { AgreementDto } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { AgreementsService } from './agreements.service';
import { AgreementStatusBody, UpdateAgreementDto } from './dto/agreement.dto';

@ApiTags('agreements')
@ApiCookieAuth()
@Roles('admin', 'ambassador')
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get(':id')
  get(@Param('id') id: string): Promise<AgreementDto> {
    return this.agreements.get(id);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body() body: UpdateAgreementDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<AgreementDto> {
    return this.agreements.update(user, id, body, req.ip);
  }

  @Post(':id/status')
  @HttpCode(200)
  changeStatus(
    @Param('id') id: string,
    @Body() body: AgreementStatusBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<AgreementDto> {
    return this.agreements.changeStatus(user, id, body, req.ip);
  }
}
