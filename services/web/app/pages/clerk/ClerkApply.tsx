import type { ItemKey } from '@onego/contracts';
import { useEffect, useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { asSent, type Draft, emptyDraft, submissionOf } from '../../form/model.ts';
import { applyAs } from '../../form/prefill.ts';
import { issuesFromApi } from '../../form/validate.ts';
import { Wizard } from '../../form/Wizard.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { Link } from '../../ui/Link.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { ClerkConsent, type ClerkConsentValues, clerkConsentIssues } from './ClerkConsent.tsx';
import { FOUND_KEY, type FoundCitizen } from './ClerkHome.tsx';

// The same form, filled by a clerk for the parent at the window, with the consent step: how
// the parent agreed (a signed form, or an identity check in person) and what they said.

export function ClerkApply() {
  const found = JSON.parse(sessionStorage.getItem(FOUND_KEY) ?? 'null') as FoundCitizen | null;
  const bundle = useLoad(() => api.GET('/api/bundles/{key}', { params: { path: { key: 'newborn' } } }));
  const [draft, setDraft] = useState<Draft>();
  const [consent, setConsent] = useState<ClerkConsentValues>({
    method: 'signed-form',
    statement: '',
    reference: '',
  });
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (draft || !bundle.data || !found) return;
    const required = bundle.data.items.filter((i) => !i.optional).map((i) => i.key as ItemKey);
    const own = { idType: found.idType, idNumber: found.idNumber, name: found.name, phone: '' };
    setDraft(applyAs(emptyDraft(required, new Date().getFullYear()), found.party, own));
  }, [bundle.data, draft, found]);

  if (!found) {
    return (
      <Page title={t('clerk.applyTitle')}>
        <p>
          <Link href="/clerk">{t('clerk.findFirst')}</Link>
        </p>
      </Page>
    );
  }
  if (bundle.error) return <Alert kind="error">{bundle.error.error}</Alert>;
  if (!bundle.data || !draft) return <Loading />;

  async function submit() {
    if (!draft || !found) return undefined;
    const {
      data,
      error: failed,
      response,
    } = await api.POST('/api/clerk/applications', {
      body: {
        applicant: found.party,
        consent: {
          method: consent.method,
          statement: consent.statement.trim(),
          ...(consent.reference.trim() && { reference: consent.reference.trim() }),
        },
        submission: asSent(submissionOf(draft)) as never,
      },
      headers: { 'idempotency-key': key },
    });
    if (!data) {
      const problem = problemOf(failed);
      if (response.status === 400 && problem.issues?.length) return issuesFromApi(problem.issues);
      setError(problem.error);
      return undefined;
    }
    sessionStorage.removeItem(FOUND_KEY);
    navigate(`/clerk/applications?created=${data.id}`);
    return undefined;
  }

  return (
    <Page
      title={t('clerk.applyTitle')}
      lead={t('clerk.applyLead', {
        name: found.name,
        id: found.idNumberMasked,
        party: t(`party.${found.party}`),
      })}
    >
      {error && <Alert kind="error">{error}</Alert>}
      <Wizard
        bundle={bundle.data}
        draft={draft}
        setDraft={setDraft}
        applicantChoice={false}
        consent={(ctx) => <ClerkConsent ctx={ctx} values={consent} onChange={setConsent} />}
        consentIssues={() => clerkConsentIssues(consent)}
        submitLabel={t('clerk.submit')}
        submit={submit}
      />
    </Page>
  );
}
