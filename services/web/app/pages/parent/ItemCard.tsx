import { useState } from 'preact/hooks';
import type { ApplicationView, Bundle, ItemView } from '../../api/types.ts';
import { formatDate, formatDateTime, pick, t } from '../../i18n/index.ts';
import { ItemBadge } from '../../ui/Status.tsx';
import { Correction } from './Correction.tsx';
import { MaterialUpload } from './MaterialUpload.tsx';

// One child's item: department, state, promised date, and what to do about it. A rejected item
// opens a form for just that item; a missing material an upload.

const OUTPUT_KEYS = [
  'birthCertificateNumber',
  'citizenIdNumber',
  'householdRecordNumber',
  'insuranceNumber',
  'coverStartDate',
  'cardApplicationNumber',
  'mailingStatus',
  'vaccinationCertificateNumber',
  'clinic',
  'handbookNumber',
  'communityHealthCentre',
];

export function ItemCard(props: {
  applicationId: string;
  item: ItemView;
  bundle: Bundle;
  readOnly: boolean;
  onView: (view: ApplicationView) => void;
}) {
  const { item } = props;
  const [correcting, setCorrecting] = useState(false);
  const department = props.bundle.items.find((i) => i.key === item.itemKey)?.departmentName;
  const outputs = Object.entries(item.outputs ?? {}).filter(
    ([k, v]) => OUTPUT_KEYS.includes(k) && typeof v === 'string',
  );
  return (
    <li class={`item card item-${item.status}`} id={`item-${item.id}`}>
      <div class="item-head">
        <h3>{pick(item.name)}</h3>
        <ItemBadge status={item.status} />
      </div>
      <p class="muted">{pick(department)}</p>
      <dl class="facts">
        <div>
          <dt>{t('item.due')}</dt>
          <dd>
            {formatDate(item.dueDate)}
            {item.overdue && <span class="flag flag-red">{t('item.overdue')}</span>}
            {item.delayed && <span class="flag flag-yellow">{t('item.delayed')}</span>}
          </dd>
        </div>
        {item.requestedAt && (
          <div>
            <dt>{t('item.requestedAt')}</dt>
            <dd>{formatDateTime(item.requestedAt)}</dd>
          </div>
        )}
        {item.completedAt && (
          <div>
            <dt>{t('item.completedAt')}</dt>
            <dd>{formatDateTime(item.completedAt)}</dd>
          </div>
        )}
        {outputs.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`output.${key}` as Parameters<typeof t>[0])}</dt>
            <dd>
              {key === 'mailingStatus' ? t(`mailing.${value}` as Parameters<typeof t>[0]) : String(value)}
            </dd>
          </div>
        ))}
      </dl>
      {item.status === 'waiting' && item.dependsOn.length > 0 && <p class="hint">{t('item.waitingFor')}</p>}
      {item.status === 'rejected' && item.reason && (
        <div class="reason" role="note">
          <strong>{t('item.rejectedBecause')}</strong> {item.reason.message}{' '}
          <span class="muted">({item.reason.code})</span>
        </div>
      )}
      {item.status === 'rejected' && !props.readOnly && !correcting && (
        <button type="button" class="primary" onClick={() => setCorrecting(true)}>
          {t('item.correct')}
        </button>
      )}
      {correcting && item.status === 'rejected' && (
        <Correction
          applicationId={props.applicationId}
          item={item}
          onCancel={() => setCorrecting(false)}
          onView={props.onView}
        />
      )}
      {item.status === 'awaiting-materials' &&
        item.materials
          .filter((m) => !m.supplied)
          .map((m) => (
            <MaterialUpload
              key={m.code}
              applicationId={props.applicationId}
              item={item}
              material={m}
              readOnly={props.readOnly}
              onView={props.onView}
            />
          ))}
    </li>
  );
}
