/**
 * The official forms the portal writes as editable Word files (no imports: the schema uses them).
 * Each is produced from what a case (or a founding proposal) already holds; form codes follow the
 * 2022 guidance where it gives one (8-KNĐ), the others are the party's usual documents.
 */
export const FORM_KINDS = [
  'cell_resolution', // the cell's resolution proposing admission
  'committee_resolution', // 8-KNĐ, the grassroots committee's resolution
  'admission_decision', // the decision to admit (the deciding committee)
  'recognition_resolution', // the cell's resolution on recognising an official member
  'recognition_decision', // the decision recognising an official member
  'founding_decision', // the decision founding a party cell in an enterprise
] as const;
export type FormKind = (typeof FORM_KINDS)[number];
