import { t } from '../i18n/index.ts';
import { SelectField, TextField } from '../ui/Field.tsx';
import { idTypeOptions } from './ParentsStep.tsx';

/** An identity document: its type, then its number (as signing in and a clerk's look-up ask for it). */
export function DocumentFields(props: {
  prefix?: string;
  idType: string;
  onIdType: (value: string) => void;
  idNumber: string;
  onIdNumber: (value: string) => void;
  autoComplete: 'username' | 'off';
}) {
  const id = (name: string) => (props.prefix ? `${props.prefix}-${name}` : name);
  return (
    <>
      <SelectField
        id={id('idType')}
        label={t('field.idType')}
        value={props.idType}
        onValue={props.onIdType}
        options={idTypeOptions()}
      />
      <TextField
        id={id('idNumber')}
        label={t('field.idNumber')}
        value={props.idNumber}
        onValue={props.onIdNumber}
        autoComplete={props.autoComplete}
        spellcheck={false}
        required
      />
    </>
  );
}
