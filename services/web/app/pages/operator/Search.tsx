import { DEPARTMENTS } from '@onego/contracts';
import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import type { OperatorSummary } from '../../api/types.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Link } from '../../ui/Link.tsx';
import { Alert, Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { ApplicationBadge, Flag } from '../../ui/Status.tsx';
import { departmentName, useBundle } from './catalogue.ts';

// The operator's search: flows by bundle, status, the department holding them, deadline,
// region and dates, newest first, a page at a time. Names are masked by the API.

type Filters = {
  status: string;
  department: string;
  deadline: string;
  region: string;
  from: string;
  to: string;
};
const EMPTY: Filters = { status: '', department: '', deadline: '', region: '', from: '', to: '' };

export function Search() {
  const bundle = useBundle();
  const [filters, setFilters] = useState(EMPTY);
  const [rows, setRows] = useState<OperatorSummary[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  async function search(cursor?: string) {
    const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
    const { data, error: failed } = await api.GET('/api/operator/applications', {
      params: { query: { bundle: 'newborn', limit: 20, ...query, ...(cursor && { cursor }) } as never },
    });
    if (!data) return setError(problemOf(failed).error);
    setError(undefined);
    setRows((previous) => (cursor ? [...(previous ?? []), ...data.applications] : data.applications));
    setNext(data.next);
  }
  const options = (values: readonly string[], label: (v: string) => string) => [
    { value: '', label: t('operator.any') },
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  return (
    <Page title={t('operator.searchTitle')}>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <SelectField
          id="f-status"
          label={t('operator.status')}
          value={filters.status}
          onValue={set('status')}
          options={options(['in-progress', 'action-required', 'completed', 'withdrawn'], (v) =>
            t(`appState.${v}` as Parameters<typeof t>[0]),
          )}
        />
        <SelectField
          id="f-department"
          label={t('operator.heldBy')}
          value={filters.department}
          onValue={set('department')}
          options={options(DEPARTMENTS, (d) => departmentName(bundle, d))}
        />
        <SelectField
          id="f-deadline"
          label={t('operator.deadline')}
          value={filters.deadline}
          onValue={set('deadline')}
          options={options(['overdue', 'due-today'], (v) => t(`operator.${v}` as Parameters<typeof t>[0]))}
        />
        <TextField
          id="f-region"
          label={t('operator.region')}
          value={filters.region}
          onValue={set('region')}
          required={false}
        />
        <TextField
          id="f-from"
          label={t('operator.from')}
          type="date"
          value={filters.from}
          onValue={set('from')}
          required={false}
        />
        <TextField
          id="f-to"
          label={t('operator.to')}
          type="date"
          value={filters.to}
          onValue={set('to')}
          required={false}
        />
        <div class="actions">
          <button type="submit" class="primary">
            {t('common.search')}
          </button>
        </div>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      {rows && (
        <ScrollTable>
          <table>
            <caption class="visually-hidden">{t('operator.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.flow')}</th>
                <th scope="col">{t('operator.status')}</th>
                <th scope="col">{t('operator.heldBy')}</th>
                <th scope="col">{t('operator.submitted')}</th>
                <th scope="col">{t('operator.due')}</th>
                <th scope="col">{t('operator.region')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/operator/flows/${r.id}`}>{r.children.join('、') || r.id.slice(0, 8)}</Link>
                    <div class="mono muted">{r.id.slice(0, 8)}</div>
                  </td>
                  <td>
                    <ApplicationBadge status={r.status} /> <Flag level={r.warning} />
                  </td>
                  <td>{r.heldBy.map((d) => departmentName(bundle, d)).join('、') || '—'}</td>
                  <td>{formatDateTime(r.submittedAt)}</td>
                  <td>{formatDate(r.dueDate)}</td>
                  <td>{r.region}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p>{t('operator.noResults')}</p>}
        </ScrollTable>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => void search(next)}>
          {t('operator.more')}
        </button>
      )}
    </Page>
  );
}
