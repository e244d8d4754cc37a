import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index';
import { admissionCases, classEnrolments, classes, memberAssignments, memberEvents, partyMembers, ratings, units, users } from '../schema';
import { INITIAL_RULE_SET } from './reference';
import { gradeForScore } from '../../lib/registry/ratings';

/**
 * Demo classes, ratings and assignments, so those screens are not empty: the city's awareness
 * class with certificates for open candidates (their cases carry the certificate), a course
 * for probationary members, last year's ratings of members and organisations, and ward members
 * assigned to enterprise cells. Seeded once, after the members and cases.
 */
export async function seedDemoActivity(db: Db, today: string): Promise<boolean> {
  const unitRows = await db.select({ id: units.id, code: units.code, parentId: units.parentId, kind: units.kind }).from(units);
  const unit = (code: string) => unitRows.find((u) => u.code === code)!.id;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(classes)
    .where(eq(classes.organiserUnitId, unit('TG-MYTHO')));
  if (Number(n) > 0) return false;
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'mytho.officer'));
  const year = Number(today.slice(0, 4));
  const city = unit('TG-MYTHO');

  await db.transaction(async (tx) => {
    // The city's awareness class: the candidates of its open cases, with certificates issued at the end.
    const [awareness] = await tx
      .insert(classes)
      .values({ kind: 'awareness', organiserUnitId: city, title: `Lớp bồi dưỡng nhận thức về Đảng khóa I/${year}`, startOn: `${year}-03-09`, endOn: `${year}-03-13`, createdBy: officer.id })
      .returning({ id: classes.id });
    const open = await tx
      .select({ personId: admissionCases.personId })
      .from(admissionCases)
      .where(and(inArray(admissionCases.state, ['referral_draft', 'referred', 'cell_review']), eq(admissionCases.deciderUnitId, city)))
      .orderBy(admissionCases.id);
    for (const [i, c] of open.entries()) {
      const certified = i < 3;
      const [e] = await tx
        .insert(classEnrolments)
        .values({
          classId: awareness.id,
          personId: c.personId,
          completed: certified,
          certificateNo: certified ? `BDNT-${year}-${String(i + 1).padStart(3, '0')}` : null,
          certificateOn: certified ? `${year}-03-13` : null,
          enrolledBy: officer.id,
        })
        .returning({ id: classEnrolments.id, no: classEnrolments.certificateNo });
      if (certified)
        await tx
          .update(admissionCases)
          .set({ certificateNo: e.no, certificateIssuedOn: `${year}-03-13`, certificateEnrolmentId: e.id })
          .where(and(eq(admissionCases.personId, c.personId), inArray(admissionCases.state, ['referral_draft', 'referred', 'cell_review'])));
    }
    // The course for new members: the city's probationary members.
    const [course] = await tx
      .insert(classes)
      .values({ kind: 'new_member', organiserUnitId: city, title: `Lớp lý luận chính trị cho đảng viên mới ${year}`, startOn: `${year}-06-15`, endOn: `${year}-06-26`, createdBy: officer.id })
      .returning({ id: classes.id });
    const cityPath = sql`(select path from units where id = ${city})`;
    const probationary = await tx
      .select({ personId: partyMembers.personId })
      .from(partyMembers)
      .innerJoin(units, eq(units.id, partyMembers.cellUnitId))
      .where(and(isNull(partyMembers.officialOn), eq(partyMembers.status, 'active'), sql`${units.path} <@ ${cityPath}`));
    for (const [i, p] of probationary.entries())
      await tx.insert(classEnrolments).values({
        classId: course.id,
        personId: p.personId,
        completed: true,
        certificateNo: `LLCT-${year}-${String(i + 1).padStart(3, '0')}`,
        certificateOn: `${year}-06-26`,
        enrolledBy: officer.id,
      });

    // Last year's ratings: every member admitted before it, rated by their cell; organisations by the committee above.
    const last = year - 1;
    const members = await tx
      .select({ id: partyMembers.id, cellUnitId: partyMembers.cellUnitId })
      .from(partyMembers)
      .where(and(eq(partyMembers.status, 'active'), sql`${partyMembers.admittedOn} < ${`${last}-07-01`}`))
      .orderBy(partyMembers.id);
    const scores = [95, 85, 82, 78, 88, 72, 91, 65, 80, 76, 45, 84];
    for (let i = 0; i < members.length; i += 200)
      await tx.insert(ratings).values(
        members.slice(i, i + 200).map((m, k) => {
          const score = scores[(i + k) % scores.length];
          return { year: last, memberId: m.id, score, grade: gradeForScore(score, INITIAL_RULE_SET.values.ratingBands), ratedByUnitId: m.cellUnitId };
        }),
      );
    const orgs = unitRows.filter((u) => (u.kind === 'cell' || u.kind === 'grassroots') && u.parentId);
    await tx.insert(ratings).values(
      orgs.map((o, k) => {
        const score = [92, 84, 78, 88, 70, 66][k % 6];
        return { year: last, unitId: o.id, score, grade: gradeForScore(score, INITIAL_RULE_SET.values.ratingBands), ratedByUnitId: o.parentId! };
      }),
    );

    // Ward members assigned to take part in enterprise cells (1–2 per cell, as in Mỹ Tho).
    const wardMembers = async (code: string) =>
      await tx
        .select({ id: partyMembers.id, cellUnitId: partyMembers.cellUnitId })
        .from(partyMembers)
        .where(eq(partyMembers.cellUnitId, unit(code)))
        .orderBy(partyMembers.id)
        .limit(2);
    const plan: [string, string, string][] = [
      ['TG-MYTHO-P1-KP2', 'TG-MYTHO-DUOC', 'Tham gia cấp ủy chi bộ'],
      ['TG-MYTHO-P1-KP2', 'TG-MYTHO-MEKONG', 'Theo dõi, giúp đỡ chi bộ'],
      ['TG-MYTHO-P4-KP3', 'TG-MYTHO-P4-PHUONGNAM', 'Tham gia sinh hoạt, hướng dẫn nghiệp vụ'],
    ];
    for (const [i, [from, to, role]] of plan.entries()) {
      const m = (await wardMembers(from))[i % 2];
      const startOn = `${year}-01-${String(5 + i).padStart(2, '0')}`;
      await tx.insert(memberAssignments).values({ memberId: m.id, cellUnitId: unit(to), role, startOn, assignedByUnitId: city, createdBy: officer.id });
      await tx.insert(memberEvents).values({ memberId: m.id, kind: 'assigned', effectiveOn: startOn, fromUnitId: m.cellUnitId, toUnitId: unit(to), note: role, actorId: officer.id });
    }
  });
  return true;
}
