import { api } from './api/client.ts';
import { setLang, t, useLang } from './i18n/index.ts';
import { navigate } from './router.ts';
import { type Role, signOut, useSession } from './session.ts';
import { Link } from './ui/Link.tsx';

const NAV: Record<Role, { href: string; key: Parameters<typeof t>[0] }[]> = {
  citizen: [
    { href: '/', key: 'nav.catalogue' },
    { href: '/apply', key: 'nav.apply' },
    { href: '/applications', key: 'nav.myApplications' },
  ],
  clerk: [
    { href: '/clerk', key: 'nav.clerkHome' },
    { href: '/clerk/applications', key: 'nav.clerkApplications' },
  ],
  operator: [
    { href: '/operator', key: 'nav.flows' },
    { href: '/operator/dashboard', key: 'nav.dashboard' },
    { href: '/operator/follow-ups', key: 'nav.followUps' },
    { href: '/operator/dead-letters', key: 'nav.deadLetters' },
    { href: '/operator/certificates', key: 'nav.certificates' },
  ],
};

export function Header() {
  const lang = useLang();
  const session = useSession();
  const links = session ? NAV[session.role] : [{ href: '/', key: 'nav.catalogue' as const }];
  async function leave() {
    await api.POST('/api/identity/logout', { body: {} }).catch(() => undefined);
    const staff = session?.role !== 'citizen';
    signOut();
    navigate(staff ? '/staff/signin' : '/');
  }
  return (
    <header class="site-header">
      <div class="bar">
        <Link
          href={session?.role === 'operator' ? '/operator' : session?.role === 'clerk' ? '/clerk' : '/'}
          class="brand"
        >
          <span aria-hidden="true" class="logo">
            办
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <button
          type="button"
          class="lang"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </button>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} aria-current={location.pathname === l.href ? 'page' : undefined}>
                {t(l.key)}
              </Link>
            </li>
          ))}
          {session ? (
            <li class="account">
              <span class="who">{session.name}</span>
              <button type="button" class="link" onClick={() => void leave()}>
                {t('nav.signOut')}
              </button>
            </li>
          ) : (
            <>
              <li>
                <Link href="/signin">{t('nav.signIn')}</Link>
              </li>
              <li>
                <Link href="/signup">{t('nav.signUp')}</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}
