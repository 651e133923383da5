import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { Role } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import { BodyLimit, PUBLIC_BODY_LIMIT_BYTES } from '../common/body-parsers';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'olievlek:isPublic';
export const REQUIRED_ROLES = 'olievlek:roles';

/**
 * Open to anonymous users, with a body limit of a few KB. Everything else needs a session (deny
 * by default).
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), BodyLimit(PUBLIC_BODY_LIMIT_BYTES));

/** The user needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser => {
    const request = ctx.switchToHttp().getRequest<FastifyRequest>();
    if (!request.authUser) throw new Error('CurrentUser used on a public route');
    return request.authUser;
  },
);

/** The client's address as the server sees it: the "origin" of an audit event. */
export const Origin = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<FastifyRequest>().ip,
);
