import { Field } from '@/components/action-form';

/** The first fields of a form about a person: name, birth date, gender, national id number and phone (labels from `l`). */
export function PersonFields({ l }: { l: Record<string, string> }) {
  return (
    <>
      <Field name="fullName" label={l.fullName} required />
      <Field name="birthDate" label={l.birthDate} type="date" required />
      <Field
        name="gender"
        label={l.gender}
        type="select"
        options={[
          { value: '', label: '—' },
          { value: 'male', label: l.male },
          { value: 'female', label: l.female },
        ]}
        required
      />
      <Field name="nationalId" label={l.nationalId} />
      <Field name="phone" label={l.phone} />
    </>
  );
}
