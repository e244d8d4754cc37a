import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import PizZip from 'pizzip';
import { getDb, type Db, type Tx } from '@/db';
import { admissionCases, caseDocuments, caseEvents, enterprises, formTemplates, foundingProposals, partyMembers, personAccessLog, persons, units, users } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { today } from '@/lib/clock';
import { detectPaperType } from '@/lib/files/types';
import { fileStore } from '@/lib/files/store';
import { FORM_KINDS, type FormKind } from '@/lib/forms/kinds';
import { formsFor, type CaseFormKind } from '@/lib/forms/reachable';
import { caseDocumentDate, DOCX_MIME, formValues, HAND_FILLED_TAGS, placeOf, renderForm, TemplateError, type CaseFormFacts, type MeetingFacts, type OrgFacts } from '@/lib/forms/render';
import { sampleValues } from '@/lib/forms/samples';
import { ruleSetInForce } from '@/lib/rules/rule-set';
import type { UnitKind } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { DalError, invalid, notFound } from './errors';
import { loadRuleSets } from './rules';
import { caseInScope, caseQuery } from './case-row';
import { assertCan, inScope, requireUser, scopeHolds, type CurrentUser } from './session';

/**
 * The official forms as Word files: a case's (or a founding's) facts, read with the same scope as
 * the case page, written into the template in force on the document's date: the newest
 * administrator's replacement (form_templates) effective by then, else the template shipped in
 * lib/forms/templates. The place in the header is the district-level (or province) committee's
 * place name above the issuing body ("Thành ủy Mỹ Tho" → "Mỹ Tho").
 */

export type FormFile = { fileName: string; bytes: Buffer };

/** The largest replacement template accepted (a form is a page or two of text). */
export const TEMPLATE_MAX_BYTES = 1024 * 1024;

/** The title of each form in a file name (and on the admin page). */
export const FORM_FILE_TITLES: Record<FormKind, string> = {
  cell_resolution: 'Nghị quyết chi bộ đề nghị kết nạp',
  committee_resolution: 'Nghị quyết đảng ủy đề nghị kết nạp (8-KNĐ)',
  admission_decision: 'Quyết định kết nạp đảng viên',
  recognition_resolution: 'Nghị quyết đề nghị công nhận đảng viên chính thức',
  recognition_decision: 'Quyết định công nhận đảng viên chính thức',
  founding_decision: 'Quyết định thành lập chi bộ',
};

function rootPathOf(user: CurrentUser): string {
  return user.unitPath.split('.')[0];
}

// ------------------------------------------------------------------ shared readers

/** Units with the unit directly above each, by id. */
async function orgsOf(db: Db | Tx, ids: number[]): Promise<Map<number, OrgFacts>> {
  const parent = alias(units, 'parent_unit');
  const rows = await db
    .select({ id: units.id, name: units.name, kind: units.kind, parentName: parent.name, parentKind: parent.kind })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind as UnitKind, parent: r.parentName && r.parentKind ? { name: r.parentName, kind: r.parentKind as UnitKind } : null }]));
}

/** The place a unit's documents are dated at: its own or the nearest district-level (or province) committee's place name. */
async function placeFor(db: Db | Tx, unitId: number): Promise<string | null> {
  const [row] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(sql`${units.path} @> (select u.path from units u where u.id = ${unitId})`, inArray(units.kind, ['district', 'province'])))
    .orderBy(desc(sql`nlevel(${units.path})`))
    .limit(1);
  return placeOf(row?.name ?? null);
}

/** The regulation number ("24-QĐ/TW") named by the rule set in force on `date`, and its probation. */
async function rulesFacts(date: string): Promise<{ regulationNo: string | null; probationMonths: number | null }> {
  const versions = await loadRuleSets();
  if (!versions.some((v) => v.effectiveFrom <= date)) return { regulationNo: null, probationMonths: null };
  const v = ruleSetInForce(versions, date);
  const m = /Quy định (?:số )?(\d+-QĐ\/TW)/.exec(v.label);
  return { regulationNo: m?.[1] ?? null, probationMonths: v.values.probationMonths };
}

/** The shipped template of a form. */
function shippedTemplate(form: FormKind): Promise<Buffer> {
  return readFile(path.join(process.cwd(), 'lib', 'forms', 'templates', `${form}.docx`));
}

/** The template in force on `date`: the newest replacement effective by then, else the shipped file. */
async function templateOn(db: Db | Tx, form: FormKind, date: string): Promise<Buffer> {
  const [row] = await db
    .select({ storageKey: formTemplates.storageKey })
    .from(formTemplates)
    .where(and(eq(formTemplates.form, form), lte(formTemplates.effectiveFrom, date)))
    .orderBy(desc(formTemplates.effectiveFrom))
    .limit(1);
  if (row) {
    const bytes = await fileStore().get(db, row.storageKey);
    if (bytes) return bytes;
  }
  return shippedTemplate(form);
}

// ------------------------------------------------------------------ a case's forms

type EventData = {
  cellMeetingOn?: string;
  cellVotesFor?: number | null;
  cellEligible?: number | null;
  committeeMeetingOn?: string;
  committeeVotesFor?: number | null;
  committeeMembers?: number | null;
};

const cellMeeting = (d: EventData | undefined): MeetingFacts | null => (d ? { on: d.cellMeetingOn ?? null, votesFor: d.cellVotesFor ?? null, eligible: d.cellEligible ?? null } : null);
const committeeMeeting = (d: EventData | undefined): MeetingFacts | null =>
  d ? { on: d.committeeMeetingOn ?? null, votesFor: d.committeeVotesFor ?? null, eligible: d.committeeMembers ?? null } : null;

/** The file name of a form: "Quyết định kết nạp đảng viên - Nguyễn Thị Mai Anh.docx". */
function fileNameOf(form: FormKind, subject: string): string {
  return `${FORM_FILE_TITLES[form]} - ${subject.replace(/[\\/:*?"<>|]/g, ' ').trim()}.docx`;
}

/**
 * A case's form `form` as a Word file. The case is read with the case page's scope: a case out of
 * scope, a forged id, an unknown form or one the case's stage has not reached yet (formsFor) is
 * notFound. Opening the person's data is logged as the case page logs it. The meetings' figures
 * come from the step that adopted each resolution (the case row keeps only the latest meeting).
 */
export async function getCaseForm(caseId: number, form: string): Promise<FormFile> {
  const user = await requireUser();
  if (!(FORM_KINDS as readonly string[]).includes(form) || form === 'founding_decision') throw notFound();
  const kind = form as CaseFormKind;
  const db = await getDb();
  const [r] = await caseQuery(db).where(and(eq(admissionCases.id, caseId), caseInScope(user)));
  if (!r) throw notFound();
  const c = { ...r, cellUnitId: r.cell.id, committeeUnitId: r.committee?.id ?? null, deciderUnitId: r.decider.id };
  if (!formsFor(c.state, c.committeeUnitId !== null).includes(kind)) throw notFound();

  const issuerId = kind === 'committee_resolution' ? c.committeeUnitId! : kind === 'cell_resolution' || kind === 'recognition_resolution' ? c.cellUnitId : c.deciderUnitId;
  const [orgs, place, events, papers] = await Promise.all([
    orgsOf(db, [c.cellUnitId, c.deciderUnitId, ...(c.committeeUnitId ? [c.committeeUnitId] : [])]),
    placeFor(db, issuerId),
    db
      .select({ transition: caseEvents.transition, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), inArray(caseEvents.transition, ['cellResolve', 'committeeEndorse', 'cellResolveRecognition', 'committeeEndorseRecognition'])))
      .orderBy(asc(caseEvents.id)),
    db
      .select({ kind: caseDocuments.kind, number: caseDocuments.number, issuedOn: caseDocuments.issuedOn })
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, c.id), inArray(caseDocuments.kind, ['cell_resolution', 'committee_resolution', 'recognition_resolution'])))
      .orderBy(asc(caseDocuments.id)),
  ]);
  // The latest adoption of each step (a case returned and resolved again counts its last meeting).
  const last = new Map<string, EventData>();
  for (const e of events) last.set(e.transition, (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as EventData);
  const fromRow = (on: string | null, votesFor: number | null, eligible: number | null): MeetingFacts | null => (on ? { on, votesFor, eligible } : null);
  const inRecognition = ['recognition_cell_review', 'recognition_committee_review', 'recognition_decision_pending', 'official', 'removed'].includes(c.state);

  const facts: CaseFormFacts = {
    fullName: c.fullName,
    birthDate: c.birthDate,
    gender: c.gender,
    workplace: c.workplace,
    cell: orgs.get(c.cellUnitId)!,
    committee: c.committeeUnitId ? orgs.get(c.committeeUnitId)! : null,
    decider: orgs.get(c.deciderUnitId)!,
    place,
    sponsors: (c.sponsors ?? []).map((s) => s.name),
    cellMeeting: cellMeeting(last.get('cellResolve')) ?? (inRecognition ? null : fromRow(c.cellMeetingOn, c.cellVotesFor, c.cellEligible)),
    committeeMeeting: committeeMeeting(last.get('committeeEndorse')) ?? (inRecognition ? null : fromRow(c.committeeMeetingOn, c.committeeVotesFor, c.committeeMembers)),
    recognitionCellMeeting: cellMeeting(last.get('cellResolveRecognition')) ?? (inRecognition ? fromRow(c.cellMeetingOn, c.cellVotesFor, c.cellEligible) : null),
    recognitionCommitteeMeeting: committeeMeeting(last.get('committeeEndorseRecognition')),
    decisionNo: c.decisionNo,
    decisionOn: c.decisionOn,
    ceremonyOn: c.ceremonyOn,
    probationEndsOn: c.probationEndsOn,
    proposesRemoval: c.proposesRemoval,
    recognitionDecisionNo: c.recognitionDecisionNo,
    recognitionDecisionOn: c.recognitionDecisionOn,
    papers: Object.fromEntries(papers.map((p) => [p.kind, { number: p.number, issuedOn: p.issuedOn }])),
    regulationNo: null,
    probationMonths: null,
  };
  const date = caseDocumentDate(kind, facts) ?? today();
  Object.assign(facts, await rulesFacts(date));
  const template = await templateOn(db, kind, date);
  const bytes = renderForm(template, formValues(kind, facts));
  await db.insert(personAccessLog).values({ personId: c.personId, userId: user.id });
  return { fileName: fileNameOf(kind, c.fullName), bytes };
}

// ------------------------------------------------------------------ the founding decision

/**
 * The founding decision of a decided proposal as a Word file. The proposal is read with the
 * founding page's scope (out of scope, forged, or not decided: notFound); the members are named
 * only when in the reader's own subtree, as on that page, and counted all.
 */
export async function getFoundingForm(proposalId: number): Promise<FormFile> {
  const user = await requireUser();
  const db = await getDb();
  const [p] = await db
    .select({
      state: foundingProposals.state,
      cellName: foundingProposals.cellName,
      enterpriseName: enterprises.name,
      parentUnitId: foundingProposals.parentUnitId,
      deciderUnitId: foundingProposals.deciderUnitId,
      proposedByUnitId: foundingProposals.proposedByUnitId,
      decisionNo: foundingProposals.decisionNo,
      decisionOn: foundingProposals.decisionOn,
      memberIds: foundingProposals.memberIds,
      secretaryMemberId: foundingProposals.secretaryMemberId,
    })
    .from(foundingProposals)
    .innerJoin(enterprises, eq(enterprises.id, foundingProposals.enterpriseId))
    .where(and(eq(foundingProposals.id, proposalId), scopeHolds(user, foundingProposals.scopeUnits)));
  if (!p || p.state !== 'decided') throw notFound();
  const memberCell = alias(units, 'member_cell');
  const [orgs, place, members] = await Promise.all([
    orgsOf(db, [p.parentUnitId, p.deciderUnitId, p.proposedByUnitId]),
    placeFor(db, p.deciderUnitId),
    p.memberIds.length
      ? db
          .select({ id: partyMembers.id, fullName: persons.fullName, official: sql<boolean>`${partyMembers.officialOn} is not null`, visible: sql<boolean>`${inScope(user, memberCell.path)}` })
          .from(partyMembers)
          .innerJoin(persons, eq(persons.id, partyMembers.personId))
          .innerJoin(memberCell, eq(memberCell.id, partyMembers.cellUnitId))
          .where(inArray(partyMembers.id, p.memberIds))
          .orderBy(sql`${persons.fullName} collate "und-x-icu"`)
      : Promise.resolve([]),
  ]);
  const date = p.decisionOn ?? today();
  const visible = members.filter((m) => m.visible);
  const secretary = visible.find((m) => m.id === p.secretaryMemberId);
  const values = formValues('founding_decision', {
    cellName: p.cellName,
    enterpriseName: p.enterpriseName,
    parent: orgs.get(p.parentUnitId)!,
    decider: orgs.get(p.deciderUnitId)!,
    proposer: orgs.get(p.proposedByUnitId)!,
    place,
    decisionNo: p.decisionNo,
    decisionOn: p.decisionOn,
    members: visible.map((m) => ({ fullName: m.fullName, official: m.official })),
    memberCount: p.memberIds.length,
    officialCount: members.filter((m) => m.official).length,
    secretaryName: secretary?.fullName ?? null,
    regulationNo: (await rulesFacts(date)).regulationNo,
  });
  const bytes = renderForm(await templateOn(db, 'founding_decision', date), values);
  return { fileName: fileNameOf('founding_decision', p.cellName), bytes };
}

// ------------------------------------------------------------------ administrators' templates

export type FormTemplateVersion = { id: number; form: FormKind; effectiveFrom: string; fileName: string; note: string | null; createdBy: string; createdAt: Date };

/**
 * The replacement templates on record, newest first within each form, and which is in force
 * today (null: the shipped template). Reference data, readable by every signed-in user;
 * `canManage` says whether the user may add one (the national administrator).
 */
export async function listFormTemplates(): Promise<{ forms: { form: FormKind; versions: FormTemplateVersion[]; inForceId: number | null }[]; canManage: boolean }> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      id: formTemplates.id,
      form: formTemplates.form,
      effectiveFrom: formTemplates.effectiveFrom,
      fileName: formTemplates.fileName,
      note: formTemplates.note,
      createdBy: users.fullName,
      createdAt: formTemplates.createdAt,
    })
    .from(formTemplates)
    .innerJoin(users, eq(users.id, formTemplates.createdBy))
    .orderBy(desc(formTemplates.effectiveFrom), desc(formTemplates.id));
  const on = today();
  return {
    forms: FORM_KINDS.map((form) => {
      const versions = rows.filter((r) => r.form === form);
      return { form, versions, inForceId: versions.find((v) => v.effectiveFrom <= on)?.id ?? null };
    }),
    canManage: can(user, 'template.manage', rootPathOf(user)),
  };
}

/**
 * A template file to download: the version `versionId` of `form`, or (none given) the one in
 * force today, shipped or replaced. An unknown form or version is notFound.
 */
export async function getFormTemplate(form: string, versionId?: number): Promise<FormFile> {
  await requireUser();
  if (!(FORM_KINDS as readonly string[]).includes(form)) throw notFound();
  const kind = form as FormKind;
  const db = await getDb();
  if (versionId === undefined) return { fileName: `Mẫu ${FORM_FILE_TITLES[kind]}.docx`, bytes: await templateOn(db, kind, today()) };
  const [row] = await db
    .select({ storageKey: formTemplates.storageKey, fileName: formTemplates.fileName })
    .from(formTemplates)
    .where(and(eq(formTemplates.id, versionId), eq(formTemplates.form, kind)));
  const bytes = row ? await fileStore().get(db, row.storageKey) : null;
  if (!row || !bytes) throw notFound();
  return { fileName: row.fileName, bytes };
}

/** Every tag the portal fills in some form (and those left for the hand): a template's other tags are unknown. */
const KNOWN_TAGS = new Set<string>([...FORM_KINDS.flatMap((f) => Object.keys(sampleValues(f))), ...HAND_FILLED_TAGS, 'index', 'name', 'standing']);

/** The tag that names who or what a form is about; every replacement template must use it. */
const SUBJECT_TAG: Record<FormKind, string> = {
  cell_resolution: 'fullName',
  committee_resolution: 'fullName',
  admission_decision: 'fullName',
  recognition_resolution: 'fullName',
  recognition_decision: 'fullName',
  founding_decision: 'enterpriseName',
};

/** The text of a rendered .docx's body, without its XML markup. */
function renderedText(docx: Buffer): string {
  return (
    new PizZip(docx)
      .file('word/document.xml')
      ?.asText()
      .replace(/<[^>]+>/g, '') ?? ''
  );
}

export type AddFormTemplateInput = { form: FormKind; effectiveFrom: string; fileName: string; bytes: Uint8Array; note?: string };

/**
 * Add a replacement template of a form, in force from `effectiveFrom` (the national
 * administrator only: 'template.manage' on the root of the user's tree; anyone else is refused
 * with nothing written). The file must be a Word document by its content (detectPaperType), at
 * most TEMPLATE_MAX_BYTES, and render once with sample values: a malformed tag or a tag the portal
 * does not fill is refused with a Vietnamese message naming it. One version per form and date.
 * Stored through the file store and audited ('template.create') in one transaction.
 */
export async function addFormTemplate(input: AddFormTemplateInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'template.manage', rootPathOf(user));
  if (!(FORM_KINDS as readonly string[]).includes(input.form)) throw invalid('errors.invalidValue', { form: 'errors.invalidValue' });
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  if (bytes.byteLength === 0) throw invalid('forms.fileMissing', { file: 'forms.fileMissing' });
  if (bytes.byteLength > TEMPLATE_MAX_BYTES) throw invalid('forms.tooLarge', { file: 'forms.tooLarge' });
  if ((await detectPaperType(bytes)) !== DOCX_MIME) throw invalid('forms.notDocx', { file: 'forms.notDocx' });
  const unknown = new Set<string>();
  const samples = sampleValues(input.form);
  let rendered: Buffer;
  try {
    rendered = renderForm(bytes, samples, (tag) => {
      if (!KNOWN_TAGS.has(tag)) unknown.add(tag);
    });
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    const params = { problems: err.problems.join('; ') };
    throw new DalError('invalid', 'forms.brokenTemplate', { file: 'forms.brokenTemplate' }, params, { file: params });
  }
  if (unknown.size) {
    const params = { tags: [...unknown].map((t) => `{${t}}`).join(', ') };
    throw new DalError('invalid', 'forms.unknownTags', { file: 'forms.unknownTags' }, params, { file: params });
  }
  // A template that never names its subject would write every case's form about nobody, or (a
  // filled form uploaded by mistake) about the person it was filled for.
  const subject = SUBJECT_TAG[input.form];
  if (!renderedText(rendered).includes(String(samples[subject]))) {
    const params = { tags: `{${subject}}` };
    throw new DalError('invalid', 'forms.missingTags', { file: 'forms.missingTags' }, params, { file: params });
  }
  const note = input.note?.trim() || null;
  const fileName = input.fileName.trim().slice(0, 200) || `${input.form}.docx`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: formTemplates.id })
      .from(formTemplates)
      .where(and(eq(formTemplates.form, input.form), eq(formTemplates.effectiveFrom, input.effectiveFrom)));
    if (clash) throw invalid('forms.dateTaken', { effectiveFrom: 'forms.dateTaken' });
    const storageKey = await fileStore().put(tx, bytes);
    const [created] = await tx
      .insert(formTemplates)
      .values({ form: input.form, effectiveFrom: input.effectiveFrom, fileName, storageKey, note, createdBy: user.id })
      .returning({ id: formTemplates.id });
    await writeAudit(tx, {
      actorId: user.id,
      unitId: Number(rootPathOf(user)),
      action: 'template.create',
      entity: 'form_template',
      entityId: created.id,
      after: { form: input.form, effectiveFrom: input.effectiveFrom, fileName, note, sizeBytes: bytes.byteLength, pastDate: input.effectiveFrom < today() },
    });
    return created;
  });
}
