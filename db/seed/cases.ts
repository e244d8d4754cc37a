import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../index';
import { admissionCases, units, users } from '../schema';
import { setClock, today } from '../../lib/clock';
import { readFileSync } from 'node:fs';
import { applyTransition, type TransitionInput } from '../../lib/dal/admission';
import { createReferral } from '../../lib/dal/referrals';
import { attachDocument } from '../../lib/dal/papers';
import { allowScriptIdentities, runAs, type Identity } from '../../lib/dal/session';
import type { DocumentKind, State, TransitionName } from '../../lib/admission/workflow';
import { addDays, addMonths, weekday, type IsoDate } from '../../lib/rules/dates';

/**
 * Demo admission cases at every stage of the workflow, so a newcomer sees a living pipeline:
 * drafts, a returned referral, cases waiting at each level (two of them overdue), probationary
 * members, recognitions under way, official members, a removal and a rejection.
 *
 * Every step goes through the data layer as the demo user whose turn it is, with the clock set
 * to the step's date (relative to the day of seeding), so the cases carry the same checks,
 * timeline, documents and audit rows as cases entered in the browser. Seeded once, into a
 * database that has no cases yet.
 */

/** The sample scan every demo paper carries (a one-page PDF saying it stands for a signed paper). */
const SAMPLE_SCAN = new Uint8Array(readFileSync(new URL('./sample-scan.pdf', import.meta.url)));

type Chain = { referrer: string; cellCode: string; cell: string; committee?: string; decider: string; workplace: string };

export const PHUONG_NAM: Chain = {
  referrer: 'cd.phuongnam',
  cellCode: 'TG-MYTHO-P4-PHUONGNAM',
  cell: 'cb.phuongnam',
  committee: 'p4.leader',
  decider: 'mytho.leader',
  workplace: 'Công ty TNHH May Phương Nam',
};
export const MEKONG: Chain = { referrer: 'cd.mekong', cellCode: 'TG-MYTHO-MEKONG', cell: 'cb.mekong', decider: 'mytho.leader', workplace: 'Công ty TNHH Thực phẩm Mekong' };
// Việt Hàn has no cell of its own: the city designated the labour federation's cell for it.
export const VIET_HAN: Chain = { referrer: 'cd.viethan', cellCode: 'TG-MYTHO-LDLD', cell: 'cb.ldld', decider: 'mytho.leader', workplace: 'Công ty TNHH Điện tử Việt Hàn' };

type Variant = 'returned' | 'rejected' | 'removed';

export type DemoCase = {
  fullName: string;
  birthDate: IsoDate;
  gender: 'male' | 'female';
  /** Six digits after province code, century/sex digit and year (built into a valid CCCD). */
  serial?: string;
  chain: Chain;
  /** The state the case is left in. */
  stage: State;
  /** Days before the day of seeding on which the referral was opened (or a fixed date, startOn). */
  startedDaysAgo?: number;
  startOn?: IsoDate;
  /** Decision numbers are made from it (default: startedDaysAgo). */
  number?: number;
  variant?: Variant;
};

export const DEMO_CASES: DemoCase[] = [
  { fullName: 'Nguyễn Thị Thu Hà', birthDate: '1998-04-12', gender: 'female', serial: '004521', chain: PHUONG_NAM, stage: 'referral_draft', startedDaysAgo: 2 },
  { fullName: 'Lê Văn Thắng', birthDate: '1993-09-30', gender: 'male', serial: '001187', chain: PHUONG_NAM, stage: 'referral_draft', startedDaysAgo: 25, variant: 'returned' },
  { fullName: 'Phạm Ngọc Ánh', birthDate: '2000-01-08', gender: 'female', serial: '007730', chain: PHUONG_NAM, stage: 'referred', startedDaysAgo: 6 },
  { fullName: 'Huỳnh Quốc Cường', birthDate: '1991-06-21', gender: 'male', chain: PHUONG_NAM, stage: 'cell_review', startedDaysAgo: 12 },
  { fullName: 'Võ Thị Mỹ Duyên', birthDate: '1996-11-03', gender: 'female', serial: '002264', chain: PHUONG_NAM, stage: 'committee_review', startedDaysAgo: 20 },
  { fullName: 'Đặng Minh Khoa', birthDate: '1989-02-17', gender: 'male', serial: '003318', chain: PHUONG_NAM, stage: 'committee_review', startedDaysAgo: 120 },
  { fullName: 'Trần Thị Kim Ngân', birthDate: '1997-07-25', gender: 'female', serial: '005902', chain: PHUONG_NAM, stage: 'decision_pending', startedDaysAgo: 40 },
  { fullName: 'Bùi Văn Lộc', birthDate: '1994-12-01', gender: 'male', serial: '006641', chain: PHUONG_NAM, stage: 'ceremony_pending', startedDaysAgo: 45 },
  { fullName: 'Ngô Thị Hồng Nhung', birthDate: '1999-03-14', gender: 'female', serial: '008815', chain: PHUONG_NAM, stage: 'probation', startedDaysAgo: 418 },
  { fullName: 'Dương Thanh Phong', birthDate: '1990-08-09', gender: 'male', serial: '009903', chain: PHUONG_NAM, stage: 'recognition_cell_review', startedDaysAgo: 420 },
  { fullName: 'Lý Thị Quỳnh Như', birthDate: '1995-05-19', gender: 'female', serial: '001456', chain: PHUONG_NAM, stage: 'recognition_committee_review', startedDaysAgo: 430 },
  { fullName: 'Châu Văn Sang', birthDate: '1992-10-27', gender: 'male', serial: '002379', chain: PHUONG_NAM, stage: 'recognition_decision_pending', startedDaysAgo: 440 },
  { fullName: 'Tạ Thị Thanh Tâm', birthDate: '1993-01-05', gender: 'female', serial: '003492', chain: PHUONG_NAM, stage: 'official', startedDaysAgo: 560 },
  { fullName: 'Mai Văn Tú', birthDate: '1988-04-30', gender: 'male', serial: '004583', chain: PHUONG_NAM, stage: 'removed', startedDaysAgo: 600, variant: 'removed' },
  { fullName: 'Đoàn Thị Xuân', birthDate: '2001-09-09', gender: 'female', serial: '005674', chain: MEKONG, stage: 'referred', startedDaysAgo: 4 },
  { fullName: 'Hồ Văn Vũ', birthDate: '1997-02-11', gender: 'male', serial: '006765', chain: MEKONG, stage: 'decision_pending', startedDaysAgo: 130 },
  { fullName: 'Phan Thị Yến Nhi', birthDate: '1998-06-06', gender: 'female', serial: '007856', chain: MEKONG, stage: 'probation', startedDaysAgo: 150 },
  { fullName: 'Trương Công Bình', birthDate: '1994-03-22', gender: 'male', serial: '008947', chain: MEKONG, stage: 'rejected', startedDaysAgo: 70, variant: 'rejected' },
  { fullName: 'Lâm Thị Diệu', birthDate: '1996-12-15', gender: 'female', serial: '009038', chain: VIET_HAN, stage: 'cell_review', startedDaysAgo: 15 },
  { fullName: 'Kiều Văn Đạt', birthDate: '1991-11-11', gender: 'male', serial: '001129', chain: VIET_HAN, stage: 'official', startedDaysAgo: 520 },
];

/** A valid Tiền Giang CCCD (province code 082) for the person. */
export function demoNationalId(c: DemoCase): string | undefined {
  if (!c.serial) return undefined;
  const year = Number(c.birthDate.slice(0, 4));
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (c.gender === 'female' ? 1 : 0);
  return `082${centuryDigit}${c.birthDate.slice(2, 4)}${c.serial}`;
}

const REFERRAL_DOCS: DocumentKind[] = ['awareness_certificate', 'application', 'personal_history', 'branch_resolution'];
const CELL_DOCS: DocumentKind[] = ['sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution'];

/** Weekends move back to the Friday before: committees meet on working days. */
function workingDay(d: IsoDate): IsoDate {
  const dow = weekday(d);
  return dow === 6 ? addDays(d, -1) : dow === 0 ? addDays(d, -2) : d;
}

type Step = { on: IsoDate; as: string; do: TransitionName | 'attach'; docs?: DocumentKind[]; input?: Partial<TransitionInput> };

const caseNumber = (c: DemoCase) => c.number ?? c.startedDaysAgo ?? 0;

/** The steps that take a case from its referral to `c.stage`, dated from its start. */
export function demoSchedule(c: DemoCase, start: IsoDate): Step[] {
  const ch = c.chain;
  const on = (days: number, from: IsoDate = start) => workingDay(addDays(from, days));
  /** Each step with the state the case is in after it. */
  const all: (Step & { reaches: State })[] = [];
  const push = (reaches: State, step: Step) => all.push({ ...step, reaches });

  push('referral_draft', { on: on(0), as: ch.referrer, do: 'attach', docs: REFERRAL_DOCS });
  if (c.variant === 'returned') {
    push('referred', { on: on(1), as: ch.referrer, do: 'submit' });
    push('referral_draft', { on: on(5), as: ch.cell, do: 'return', input: { reason: 'Đề nghị bổ sung bản nhận xét của chi ủy nơi cư trú và xác nhận của tổ dân phố.' } });
    return all;
  }
  push('referred', { on: on(2), as: ch.referrer, do: 'submit' });
  push('cell_review', { on: on(6), as: ch.cell, do: 'accept' });
  push('cell_review', { on: on(13), as: ch.cell, do: 'attach', docs: CELL_DOCS });
  push(ch.committee ? 'committee_review' : 'decision_pending', {
    on: on(14),
    as: ch.cell,
    do: 'cellResolve',
    input: { votesFor: 8, eligible: 9, sponsors: ['Tạ Văn Hiếu', 'Nguyễn Thị Hạnh'], withUnionResolution: true },
  });
  if (ch.committee) {
    push('committee_review', { on: on(20), as: ch.committee, do: 'attach', docs: ['committee_resolution'] });
    push('decision_pending', { on: on(21), as: ch.committee, do: 'committeeEndorse', input: { votesFor: 9, eligible: 11 } });
  }
  if (c.variant === 'rejected') {
    push('rejected', {
      on: on(35),
      as: ch.decider,
      do: 'reject',
      input: { reason: 'Thẩm tra lý lịch chưa làm rõ quá trình công tác 2016–2018; chưa đủ điều kiện kết nạp.' },
    });
    return all;
  }
  push('ceremony_pending', { on: on(34), as: ch.decider, do: 'attach', docs: ['admission_decision'] });
  push('ceremony_pending', { on: on(35), as: ch.decider, do: 'decide', input: { decisionNo: `${100 + (caseNumber(c) % 400)}-QĐ/TU` } });
  const ceremony = on(49);
  push('probation', { on: ceremony, as: ch.cell, do: 'recordCeremony' });
  const opened = workingDay(addDays(addMonths(ceremony, 12), 3));
  push('recognition_cell_review', { on: opened, as: ch.cell, do: 'openRecognition' });
  push('recognition_cell_review', { on: on(4, opened), as: ch.cell, do: 'attach', docs: ['probation_report', 'recognition_resolution'] });
  const removal = c.variant === 'removed';
  push(ch.committee ? 'recognition_committee_review' : 'recognition_decision_pending', {
    on: on(5, opened),
    as: ch.cell,
    do: 'cellResolveRecognition',
    input: { votesFor: 8, eligible: 9, proposesRemoval: removal },
  });
  if (ch.committee) push('recognition_decision_pending', { on: on(12, opened), as: ch.committee, do: 'committeeEndorseRecognition', input: { votesFor: 10, eligible: 11 } });
  push('recognition_decision_pending', { on: on(18, opened), as: ch.decider, do: 'attach', docs: ['recognition_decision'] });
  push(removal ? 'removed' : 'official', { on: on(19, opened), as: ch.decider, do: 'decideRecognition', input: { decisionNo: `${400 + (caseNumber(c) % 300)}-QĐ/TU` } });

  // Every step up to the first transition that reaches the stage (a fresh draft: half its papers).
  if (c.stage === 'referral_draft') return [{ ...all[0], docs: REFERRAL_DOCS.slice(0, 2) }];
  const out: Step[] = [];
  for (const s of all) {
    out.push(s);
    if (s.do !== 'attach' && s.reaches === c.stage) return out;
  }
  throw new Error(`demo case ${c.fullName}: no step reaches ${c.stage}`);
}

export async function seedDemoCases(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(admissionCases);
  if (Number(n) > 0) return 0;
  return runDemoCases(db, DEMO_CASES);
}

/** Take each case through the data layer, step by step, as the user whose turn it is, on the step's date. */
export async function runDemoCases(db: Db, list: DemoCase[]): Promise<number> {
  allowScriptIdentities();
  const usernames = [...new Set(list.flatMap((c) => [c.chain.referrer, c.chain.cell, c.chain.committee, c.chain.decider]).filter((u): u is string => !!u))];
  const rows = await db.select({ username: users.username, id: users.id, sv: users.sessionVersion }).from(users).where(inArray(users.username, usernames));
  const identity = new Map<string, Identity>(rows.map((r) => [r.username, { userId: r.id, sessionVersion: r.sv }]));
  const as = <T>(username: string, fn: () => Promise<T>): Promise<T> => {
    const who = identity.get(username);
    if (!who) throw new Error(`demo cases: no user ${username}`);
    return runAs(who, fn);
  };
  const seededOn = today();
  const setDay = (d: IsoDate) => setClock(() => new Date(`${d}T09:00:00+07:00`));
  let created = 0;
  try {
    for (const c of list) {
      const start = c.startOn ?? workingDay(addDays(seededOn, -(c.startedDaysAgo ?? 0)));
      const steps = demoSchedule(c, start);
      const last = steps.at(-1)?.on ?? start;
      if (last > seededOn) throw new Error(`demo case ${c.fullName}: its last step (${last}) would lie in the future`);
      setDay(start);
      const [cellUnit] = await db.select({ id: units.id }).from(units).where(eq(units.code, c.chain.cellCode));
      const { caseId } = await as(c.chain.referrer, () =>
        createReferral({
          fullName: c.fullName,
          birthDate: c.birthDate,
          gender: c.gender,
          nationalId: demoNationalId(c),
          workplace: c.chain.workplace,
          cellUnitId: cellUnit.id,
          certificateNo: `BDNT-${start.slice(0, 4)}-${String(created + 101).padStart(3, '0')}`,
          certificateIssuedOn: addDays(start, -45),
        }),
      );
      for (const s of steps) {
        setDay(s.on);
        if (s.do === 'attach') {
          // Each paper gets the same one-page sample scan (db/seed/sample-scan.pdf), as an officer would attach the real one.
          for (const kind of s.docs ?? [])
            await as(s.as, () => attachDocument({ caseId, kind, title: `${DOC_TITLES[kind]} — ${c.fullName}`, issuedOn: s.on, files: [{ name: `${DOC_TITLES[kind]}.pdf`, bytes: SAMPLE_SCAN }] }));
          continue;
        }
        const transition = s.do;
        const [{ version }] = await db.select({ version: admissionCases.version }).from(admissionCases).where(eq(admissionCases.id, caseId));
        await as(s.as, () => applyTransition({ caseId, version, transition, effectiveOn: s.on, ...s.input }));
      }
      const [{ state }] = await db.select({ state: admissionCases.state }).from(admissionCases).where(eq(admissionCases.id, caseId));
      if (state !== c.stage) throw new Error(`demo case ${c.fullName}: reached ${state}, expected ${c.stage}`);
      created++;
    }
  } finally {
    setClock(undefined);
  }
  return created;
}

const DOC_TITLES: Record<DocumentKind, string> = {
  awareness_certificate: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng',
  application: 'Đơn xin vào Đảng',
  personal_history: 'Lý lịch người xin vào Đảng',
  branch_resolution: 'Nghị quyết giới thiệu đoàn viên ưu tú',
  sponsor_introduction: 'Giấy giới thiệu người vào Đảng',
  background_verification: 'Báo cáo thẩm tra lý lịch',
  opinions: 'Tổng hợp nhận xét của tổ chức đoàn thể và chi ủy nơi cư trú',
  cell_resolution: 'Nghị quyết chi bộ đề nghị kết nạp',
  committee_resolution: 'Nghị quyết đảng ủy cơ sở đề nghị kết nạp',
  admission_decision: 'Quyết định kết nạp đảng viên',
  probation_report: 'Bản tự kiểm điểm của đảng viên dự bị',
  recognition_resolution: 'Nghị quyết chi bộ đề nghị công nhận đảng viên chính thức',
  recognition_decision: 'Quyết định công nhận đảng viên chính thức',
};
