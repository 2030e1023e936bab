import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Header } from './Header.tsx';
import { t, useLang } from './i18n/index.ts';
import { match, navigate, useLocation } from './router.ts';
import { routes } from './routes.tsx';
import { type Role, useSession } from './session.ts';
import { Page } from './ui/Page.tsx';

export function App() {
  useLang();
  const { path } = useLocation();
  const found = routes.map((r) => ({ r, params: match(r.path, path) })).find((m) => m.params !== null);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {found?.params ? (
          <Guard role={found.r.role} key={path}>
            {found.r.render(found.params)}
          </Guard>
        ) : (
          <Page title={t('app.notFound')}>
            <p>{t('app.notFoundHelp')}</p>
          </Page>
        )}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

/** A page for one role: anyone else is sent to the right sign-in, and brought back after. */
function Guard(props: { role: Role | undefined; children: ComponentChildren }) {
  const session = useSession();
  const allowed = !props.role || session?.role === props.role;
  useEffect(() => {
    if (allowed) return;
    const next = encodeURIComponent(location.pathname + location.search);
    navigate(`${props.role === 'citizen' ? '/signin' : '/staff/signin'}?next=${next}`, { replace: true });
  }, [allowed, props.role]);
  return allowed ? props.children : null;
}
