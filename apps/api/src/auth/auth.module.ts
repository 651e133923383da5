import { Global, Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CsrfGuard } from './csrf';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionService, SessionGuard, CsrfGuard],
  exports: [AuthService, SessionService, SessionGuard, CsrfGuard],
})
export class AuthModule {}
