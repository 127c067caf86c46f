import { describe, it, expect } from 'vitest';
import { DEFAULT_SCALE } from '#protocol';
import { buildDemoClass, literacyFramework, selFramework } from '#content/index.ts';

const NOW = '2025-03-14T15:00:00.000Z';
const PICTURES = new Set([
  'dog',
  'cat',
  'fox',
  'frog',
  'owl',
  'bear',
  'lion',
  'fish',
  'bee',
  'turtle',
  'rabbit',
  'penguin',
  'sun',
  'star',
  'moon',
  'apple',
  'tree',
  'flower',
  'rocket',
  'car',
  'boat',
  'ball',
  'kite',
  'drum',
]);
const targets = new Map([...literacyFramework.targets, ...selFramework.targets].map((t) => [t.id, t]));
const itemSets = new Map(literacyFramework.itemSets.map((s) => [s.id, s]));

function itemIdsOf(targetId: string): Set<string> {
  const t = targets.get(targetId);
  if (t?.itemIds) return new Set(t.itemIds);
  return new Set(t?.itemSetId ? itemSets.get(t.itemSetId)?.items.map((i) => i.id) : []);
}

describe('buildDemoClass', () => {
  const demo = buildDemoClass({ now: NOW });

  it('is deterministic for the same now and seed, and varies with the seed', () => {
    expect(buildDemoClass({ now: NOW })).toEqual(demo);
    expect(buildDemoClass({ now: NOW, seed: 7 })).toEqual(buildDemoClass({ now: NOW, seed: 7 }));
    expect(buildDemoClass({ now: NOW, seed: 7 }).evidence).not.toEqual(demo.evidence);
  });

  it('works for any now, including a weekend', () => {
    for (const now of ['2024-10-05T09:00:00.000Z', '2026-01-12T00:00:00.000Z']) {
      const other = buildDemoClass({ now });
      expect(other.evidence.every((e) => e.observedAt <= now && e.recordedAt <= now)).toBe(true);
    }
  });

  it('prefixes every id with demo-', () => {
    const ids = [
      demo.school.id,
      demo.teacher.id,
      demo.classGroup.id,
      ...demo.students.map((s) => s.id),
      ...demo.paths.map((p) => p.id),
      ...demo.evidence.map((e) => e.id),
      ...demo.decisions.map((d) => d.id),
    ];
    expect(ids.every((id) => id.startsWith('demo-'))).toBe(true);
    expect(new Set(demo.evidence.map((e) => e.id)).size).toBe(demo.evidence.length);
  });

  it('sets up the school, teacher and class', () => {
    expect(demo.school.name).toBe('Maple Grove Elementary (demo)');
    expect(demo.school.scale).toEqual(DEFAULT_SCALE);
    expect(demo.teacher.displayName).toBe('Ms. Rivera');
    expect(demo.teacher.schoolId).toBe(demo.school.id);
    expect(demo.classGroup.name).toBe('Kindergarten, Room 4 (demo)');
    expect(demo.classGroup.teacherIds).toEqual([demo.teacher.id]);
    expect(demo.classGroup.templateTargetIds).toHaveLength(36);
    expect(new Set(demo.classGroup.templateTargetIds)).toEqual(new Set(targets.keys()));
  });

  it('has about 8 students with distinct pictures from the list and several Spanish-speaking families', () => {
    expect(demo.students.length).toBeGreaterThanOrEqual(6);
    const pictures = demo.students.map((s) => s.picture);
    expect(new Set(pictures).size).toBe(pictures.length);
    for (const p of pictures) expect(PICTURES).toContain(p);
    expect(demo.students.filter((s) => s.familyLanguage === 'es').length).toBeGreaterThanOrEqual(3);
    expect(demo.students.every((s) => s.classId === demo.classGroup.id && !s.archived)).toBe(true);
  });

  it('gives each student one path over known targets, some personalised', () => {
    const studentIds = new Set(demo.students.map((s) => s.id));
    expect(demo.paths.map((p) => p.studentId).sort()).toEqual([...studentIds].sort());
    for (const path of demo.paths) {
      expect(path.id).toBe(path.studentId);
      for (const e of path.entries) expect(targets.has(e.targetId)).toBe(true);
    }
    const entries = demo.paths.flatMap((p) => p.entries);
    expect(entries.filter((e) => e.skippedReason).length).toBe(2);
    expect(entries.some((e) => e.enrichment)).toBe(true);
    expect(entries.some((e) => e.plannedDate && /^\d{4}-\d{2}-\d{2}$/.test(e.plannedDate) && e.plannedDate > NOW)).toBe(
      true,
    );
  });

  it('resolves every evidence reference and keeps observedAt ≤ now', () => {
    const studentIds = new Set(demo.students.map((s) => s.id));
    for (const e of demo.evidence) {
      expect(studentIds).toContain(e.studentId);
      expect(e.targetIds.length).toBeGreaterThan(0);
      for (const t of e.targetIds) expect(targets.has(t), `${e.id} → ${t}`).toBe(true);
      expect(e.observedAt <= NOW).toBe(true);
      expect(e.recordedAt <= NOW).toBe(true);
      expect(e.recordedAt >= e.observedAt).toBe(true);
      const day = new Date(e.observedAt).getUTCDay();
      expect(day).not.toBe(0);
      expect(day).not.toBe(6);
      if (e.level !== undefined) expect(DEFAULT_SCALE.levels.map((l) => l.value)).toContain(e.level);
      const allowed = new Set(e.targetIds.flatMap((t) => [...itemIdsOf(t)]));
      for (const r of e.itemResults ?? []) expect(allowed, `${e.id} → ${r.itemId}`).toContain(r.itemId);
      if (e.recordedBy.kind === 'student') expect(e.recordedBy.id).toBe(e.studentId);
      else expect(e.recordedBy).toEqual({ kind: 'teacher', id: demo.teacher.id });
    }
    const sorted = [...demo.evidence].sort((a, b) => (a.observedAt < b.observedAt ? -1 : 1));
    expect(sorted.map((e) => e.observedAt)).toEqual(demo.evidence.map((e) => e.observedAt));
  });

  it('spans 3–5 weeks with varied kinds of evidence', () => {
    const days = new Set(demo.evidence.map((e) => e.observedAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(15);
    const first = Date.parse(demo.evidence[0]?.observedAt ?? NOW);
    expect((Date.parse(NOW) - first) / 86_400_000).toBeGreaterThanOrEqual(21);
    expect((Date.parse(NOW) - first) / 86_400_000).toBeLessThanOrEqual(42);
    const kinds = new Set(demo.evidence.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['check', 'observation', 'selfAssessment']));
    const levels = new Set(demo.evidence.filter((e) => e.kind === 'observation').map((e) => e.level));
    expect(levels).toEqual(new Set([1, 2, 3, 4]));
    expect(demo.evidence.some((e) => e.targetIds.some((t) => t.startsWith('sel-')) && e.kind === 'observation')).toBe(
      true,
    );
  });

  it('includes self-assessments for review, a voided and a late-recorded observation', () => {
    const selfs = demo.evidence.filter((e) => e.kind === 'selfAssessment');
    expect(selfs.length).toBeGreaterThanOrEqual(3);
    for (const s of selfs) {
      expect(s.needsReview).toBe(true);
      expect(s.recordedBy).toEqual({ kind: 'student', id: s.studentId });
      expect([1, 2, 3]).toContain(s.feeling);
    }
    const voided = demo.evidence.filter((e) => e.voided);
    expect(voided).toHaveLength(1);
    expect(voided[0]?.voided?.reason).toBeTruthy();
    const lateDays = (e: { observedAt: string; recordedAt: string }) =>
      (Date.parse(e.recordedAt) - Date.parse(e.observedAt)) / 86_400_000;
    expect(demo.evidence.filter((e) => lateDays(e) >= 1)).toHaveLength(1);
  });

  it('shows one child with capitals mastered on 2 days and one still working on b, d and p', () => {
    const lastTwoAllCorrect = demo.students.some((s) => {
      const checks = demo.evidence.filter((e) => e.studentId === s.id && e.targetIds.includes('lt-names-upper'));
      const perfectDays = new Set(
        checks
          .filter((e) => e.itemResults?.length === 26 && e.itemResults.every((r) => r.result === 'correct'))
          .map((e) => e.observedAt.slice(0, 10)),
      );
      return perfectDays.size >= 2;
    });
    expect(lastTwoAllCorrect).toBe(true);
    const bdp = demo.students.some((s) => {
      const latest = demo.evidence
        .filter((e) => e.studentId === s.id && e.kind === 'check' && e.targetIds.includes('lt-names-lower'))
        .at(-1);
      const notYet = latest?.itemResults?.filter((r) => r.result === 'notYet').map((r) => r.itemId);
      return notYet !== undefined && ['b', 'd', 'p'].every((l) => notYet.includes(l));
    });
    expect(bdp).toBe(true);
  });

  it('records a teacher setCurrent and a student chooseNext that resolve', () => {
    const studentIds = new Set(demo.students.map((s) => s.id));
    for (const d of demo.decisions) {
      expect(studentIds).toContain(d.studentId);
      expect(targets.has(d.targetId)).toBe(true);
      expect(d.decidedAt <= NOW).toBe(true);
    }
    const setCurrent = demo.decisions.find((d) => d.kind === 'setCurrent');
    expect(setCurrent?.decidedBy.kind).toBe('teacher');
    const chooseNext = demo.decisions.find((d) => d.kind === 'chooseNext');
    expect(chooseNext?.decidedBy).toEqual({ kind: 'student', id: chooseNext?.studentId });
    expect(chooseNext?.showHow).toBeTruthy();
  });
});
