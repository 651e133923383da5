import { Global, Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CsrfGuard, CsrfTokens } from './csrf';
import { LoginThrottle } from './login-throttle';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { OidcAccountsService } from './oidc/oidc-accounts.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';

@Global()
@Module({
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    LoginThrottle,
    SessionService,
    SessionGuard,
    CsrfGuard,
    CsrfTokens,
    OidcService,
    OidcAccountsService,
  ],
  exports: [AuthService, SessionService, SessionGuard, CsrfGuard, CsrfTokens],
})
export class AuthModule {}
