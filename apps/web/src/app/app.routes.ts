import { Routes } from '@angular/router';
import { guestOnly, hasAnyRole, hasRole, signedIn } from './core/guards';

export const routes: Routes = [
  {
    path: 'inloggen',
    title: 'title.login',
    canActivate: [guestOnly],
    loadComponent: () => import('./auth/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        title: 'title.home',
        loadComponent: () => import('./home/home.page').then((m) => m.HomePage),
      },
      {
        path: 'geen-toegang',
        title: 'trust.noAccess',
        loadComponent: () => import('./no-access.page').then((m) => m.NoAccessPage),
      },
      {
        path: 'bord',
        title: 'title.board',
        canActivate: [hasRole('team')],
        loadComponent: () => import('./board/board.page').then((m) => m.BoardPage),
      },
      {
        path: 'casussen',
        title: 'title.caseload',
        canActivate: [hasRole('ambassador')],
        loadComponent: () => import('./cases/caseload.page').then((m) => m.CaseloadPage),
      },
      {
        path: 'casussen/:id',
        title: 'title.case',
        canActivate: [hasAnyRole('ambassador', 'admin')],
        loadComponent: () => import('./cases/case.page').then((m) => m.CasePage),
      },
      {
        path: 'overleggen',
        title: 'forums.title',
        canActivate: [hasAnyRole('admin', 'ambassador', 'team')],
        loadComponent: () => import('./forums/forums.page').then((m) => m.ForumsPage),
      },
      {
        path: 'overleggen/:id',
        title: 'forums.title',
        canActivate: [hasAnyRole('admin', 'ambassador', 'team')],
        loadComponent: () => import('./forums/forum.page').then((m) => m.ForumPage),
      },
      {
        path: 'olievlek',
        title: 'title.olievlek',
        canActivate: [hasAnyRole('admin', 'ambassador', 'director')],
        loadChildren: () => import('./olievlek/olievlek.routes').then((m) => m.olievlekRoutes),
      },
      {
        path: 'instellingen',
        title: 'mail.title.settings',
        loadComponent: () => import('./mail/mail-settings.page').then((m) => m.MailSettingsPage),
      },
      {
        path: 'catalogus',
        title: 'title.catalogue',
        loadComponent: () => import('./cases/catalogue.page').then((m) => m.CataloguePage),
      },
      {
        path: 'beheer/organisatie',
        title: 'title.organisation',
        canActivate: [hasRole('admin')],
        loadComponent: () => import('./admin/org.page').then((m) => m.OrgPage),
      },
      {
        path: 'beheer/gebruikers',
        title: 'title.users',
        canActivate: [hasRole('admin')],
        loadComponent: () => import('./admin/users.page').then((m) => m.UsersPage),
      },
      {
        path: 'beheer/import',
        title: 'importExport.title',
        canActivate: [hasRole('admin')],
        loadComponent: () => import('./imports/import.page').then((m) => m.ImportPage),
      },
      {
        path: 'beheer/audit',
        title: 'title.audit',
        canActivate: [hasRole('admin')],
        loadComponent: () => import('./admin/audit.page').then((m) => m.AuditPage),
      },
    ],
  },
  {
    // Public: whoever cannot sign in must still find how to report a problem.
    path: 'toegankelijkheid',
    title: 'title.accessibility',
    loadComponent: () =>
      import('./accessibility/accessibility.page').then((m) => m.AccessibilityPage),
  },
  {
    // The unsubscribe link of a mail: works without signing in.
    path: 'afmelden',
    title: 'mail.title.unsubscribe',
    loadComponent: () => import('./mail/unsubscribe.page').then((m) => m.UnsubscribePage),
  },
  {
    path: '**',
    title: 'title.notFound',
    loadComponent: () => import('./not-found.page').then((m) => m.NotFoundPage),
  },
];
