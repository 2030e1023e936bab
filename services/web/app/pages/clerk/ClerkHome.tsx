import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { DocumentFields } from '../../form/DocumentFields.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { Choice } from '../../ui/Field.tsx';
import { Alert, Page } from '../../ui/Page.tsx';

// 帮代办 at a service-centre window: first find the parent's OneGo account from the identity
// document they hand over (the number is sent in a POST body, never in a URL).

export interface FoundCitizen {
  id: string;
  name: string;
  idNumberMasked: string;
  idType: string;
  idNumber: string;
  party: 'mother' | 'father';
}

export const FOUND_KEY = 'onego.clerk.citizen';

export function ClerkHome() {
  const [idType, setIdType] = useState('resident-id');
  const [idNumber, setIdNumber] = useState('');
  const [party, setParty] = useState<'mother' | 'father'>('mother');
  const [error, setError] = useState<string>();
  async function find(e: Event) {
    e.preventDefault();
    const number = idNumber.trim().toUpperCase();
    const { data, error: failed } = await api.POST('/api/identity/citizens/lookup', {
      body: { idType: idType as 'resident-id', idNumber: number },
    });
    if (!data) return setError(problemOf(failed).error);
    const found: FoundCitizen = { ...data, idType, idNumber: number, party };
    sessionStorage.setItem(FOUND_KEY, JSON.stringify(found));
    navigate('/clerk/apply');
  }
  return (
    <Page title={t('clerk.title')} lead={t('clerk.lead')}>
      {error && <Alert kind="error">{error}</Alert>}
      <form class="narrow" onSubmit={(e) => void find(e)}>
        <DocumentFields
          prefix="lookup"
          idType={idType}
          onIdType={setIdType}
          idNumber={idNumber}
          onIdNumber={setIdNumber}
          autoComplete="off"
        />
        <Choice
          id="lookup-party"
          label={t('clerk.party')}
          value={party}
          onValue={(v) => setParty(v as 'mother' | 'father')}
          options={[
            { value: 'mother', label: t('party.mother') },
            { value: 'father', label: t('party.father') },
          ]}
        />
        <div class="actions">
          <button type="submit" class="primary">
            {t('clerk.find')}
          </button>
        </div>
      </form>
    </Page>
  );
}
