import type { ItemKey } from '@onego/contracts';
import { useEffect, useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { asSent, type Draft, emptyDraft, submissionOf } from '../../form/model.ts';
import { applyAs, type OwnDocument } from '../../form/prefill.ts';
import { issuesFromApi } from '../../form/validate.ts';
import { Wizard } from '../../form/Wizard.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { CitizenConsent, citizenConsentIssues, type Declarations } from './CitizenConsent.tsx';

// The parent's application: the form once, prefilled from their account. The draft lives in
// this tab's sessionStorage, so a reload on a phone loses nothing; it is gone once submitted.

const DRAFT_KEY = 'onego.draft';

interface Saved {
  draft: Draft;
  idempotencyKey: string;
}

function restore(): Saved | null {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function Apply() {
  const bundle = useLoad(() => api.GET('/api/bundles/{key}', { params: { path: { key: 'newborn' } } }));
  const own = useLoad(() => api.GET('/api/identity/me/document'));
  const [saved, setSaved] = useState<Saved | null>(restore);
  const [declarations, setDeclarations] = useState<Declarations>({
    truthful: false,
    share: false,
    otherParent: false,
  });
  const [error, setError] = useState<string>();

  useEffect(() => {
    // Wait for the account's document too (or its refusal): the draft starts prefilled.
    if (saved || !bundle.data || (!own.data && !own.error)) return;
    const required = bundle.data.items.filter((i) => !i.optional).map((i) => i.key as ItemKey);
    const fresh = emptyDraft(required, new Date().getFullYear());
    setSaved({
      draft: applyAs(fresh, 'mother', own.data as OwnDocument | undefined),
      idempotencyKey: crypto.randomUUID(),
    });
  }, [bundle.data, own.data, own.error, saved]);

  useEffect(() => {
    if (saved) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(saved));
  }, [saved]);

  if (bundle.error) return <Alert kind="error">{bundle.error.error}</Alert>;
  if (!bundle.data || !saved) return <Loading />;
  const setDraft = (draft: Draft) => setSaved({ ...saved, draft });

  async function submit() {
    if (!saved) return undefined;
    const {
      data,
      error: failed,
      response,
    } = await api.POST('/api/applications', {
      body: asSent(submissionOf(saved.draft)) as never,
      headers: { 'idempotency-key': saved.idempotencyKey },
    });
    if (!data) {
      const problem = problemOf(failed);
      if (response.status === 400 && problem.issues?.length) return issuesFromApi(problem.issues);
      setError(problem.error);
      return undefined;
    }
    if (declarations.otherParent) {
      await api.POST('/api/applications/{id}/consents', {
        params: { path: { id: data.id } },
        body: { grantee: 'other-parent' },
      });
    }
    sessionStorage.removeItem(DRAFT_KEY);
    navigate(`/applications/${data.id}?submitted=1`);
    return undefined;
  }

  return (
    <Page title={t('apply.title')} lead={t('apply.lead')}>
      {error && <Alert kind="error">{error}</Alert>}
      <Wizard
        bundle={bundle.data}
        draft={saved.draft}
        setDraft={setDraft}
        applicantChoice
        onApplicant={(party) => setDraft(applyAs(saved.draft, party, own.data as OwnDocument | undefined))}
        consent={(ctx) => <CitizenConsent ctx={ctx} declarations={declarations} onChange={setDeclarations} />}
        consentIssues={() => citizenConsentIssues(declarations)}
        submitLabel={t('apply.submit')}
        submit={submit}
      />
    </Page>
  );
}
