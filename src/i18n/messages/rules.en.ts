/**
 * English strings for src/rules messages (explanations, next steps, pacing). Every key here must exist in
 * rules.es.ts (the type checks it). `_one`/`_other` variants are chosen by the `count` parameter; list
 * parameters such as `{items}` arrive already joined ("b, d and p").
 */
export const rulesEn = {
  'rules.status.notStarted': 'Not started',
  'rules.status.inProgress': 'In progress',
  'rules.status.mastered': 'Mastered',
  'rules.status.skipped': 'Skipped',
  'rules.item.known': 'Known',
  'rules.item.notYet': 'Not yet',
  'rules.item.neverTried': 'Not tried yet',

  'rules.explain.noScores': 'Not yet: no scored evidence; {thresholdValue} ({threshold}) needed.',
  'rules.explain.noItemChecks': 'Not yet: no item checks yet.',
  'rules.explain.noItems': 'Not yet: this target has no items to check.',
  'rules.explain.override.markMastered': 'Mastered: marked by the teacher on {date}.',
  'rules.explain.override.reopen': 'Reopened by the teacher on {date}: new evidence needed.',
  'rules.explain.decayingAverage.mastered_one':
    'Mastered: score {score} from {count} check; {thresholdValue} ({threshold}) needed.',
  'rules.explain.decayingAverage.mastered_other':
    'Mastered: decaying average {score} from {count} checks, the newest weighted {weight}%; {thresholdValue} ({threshold}) needed.',
  'rules.explain.decayingAverage.notYet_one':
    'Not yet: score {score} from {count} check; {thresholdValue} ({threshold}) needed.',
  'rules.explain.decayingAverage.notYet_other':
    'Not yet: decaying average {score} from {count} checks, the newest weighted {weight}%; {thresholdValue} ({threshold}) needed.',
  'rules.explain.exponentialDecay.mastered_one':
    'Mastered: score {score} from {count} check; {thresholdValue} ({threshold}) needed.',
  'rules.explain.exponentialDecay.mastered_other':
    'Mastered: decaying score {score} from {count} checks, each new one weighted {weight}%; {thresholdValue} ({threshold}) needed.',
  'rules.explain.exponentialDecay.notYet_one':
    'Not yet: score {score} from {count} check; {thresholdValue} ({threshold}) needed.',
  'rules.explain.exponentialDecay.notYet_other':
    'Not yet: decaying score {score} from {count} checks, each new one weighted {weight}%; {thresholdValue} ({threshold}) needed.',
  'rules.explain.nTimes.mastered_one':
    'Mastered: {count} check at {threshold} or above, {n} needed; its score is {score}.',
  'rules.explain.nTimes.mastered_other':
    'Mastered: {count} checks at {threshold} or above, {n} needed; their mean is {score}.',
  'rules.explain.nTimes.notYet_one': 'Not yet: {count} check at {threshold} or above; {n} needed.',
  'rules.explain.nTimes.notYet_other': 'Not yet: {count} checks at {threshold} or above; {n} needed.',
  'rules.explain.mostRecent.mastered_one':
    'Mastered: the only check is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.mostRecent.mastered_other':
    'Mastered: the most recent of {count} checks is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.mostRecent.notYet_one': 'Not yet: the only check is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.mostRecent.notYet_other':
    'Not yet: the most recent of {count} checks is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.highest.mastered_one': 'Mastered: the only check is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.highest.mastered_other':
    'Mastered: the highest of {count} checks is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.highest.notYet_one': 'Not yet: the only check is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.highest.notYet_other':
    'Not yet: the highest of {count} checks is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.average.mastered_one': 'Mastered: the only check is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.average.mastered_other':
    'Mastered: the average of {count} checks is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.average.notYet_one': 'Not yet: the only check is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.average.notYet_other':
    'Not yet: the average of {count} checks is {score}; {thresholdValue} ({threshold}) needed.',
  'rules.explain.mOfN.mastered_one':
    'Mastered: {atOrAbove} of {count} check at {threshold} or above; {m} of {n} needed.',
  'rules.explain.mOfN.mastered_other':
    'Mastered: {atOrAbove} of the last {count} checks at {threshold} or above; {m} of {n} needed.',
  'rules.explain.mOfN.notYet_one': 'Not yet: {atOrAbove} of {count} check at {threshold} or above; {m} of {n} needed.',
  'rules.explain.mOfN.notYet_other':
    'Not yet: {atOrAbove} of the last {count} checks at {threshold} or above; {m} of {n} needed.',
  'rules.explain.inARow.mastered_one': 'Mastered: the last check at {threshold} or above; {n} in a row needed.',
  'rules.explain.inARow.mastered_other':
    'Mastered: the last {count} checks in a row at {threshold} or above; {n} needed.',
  'rules.explain.inARow.notYet_one': 'Not yet: {count} check in a row at {threshold} or above; {n} needed.',
  'rules.explain.inARow.notYet_other': 'Not yet: {count} checks in a row at {threshold} or above; {n} needed.',
  'rules.explain.allItemsOnDistinctDays.mastered_one': 'Mastered: the item correct on {days} different days.',
  'rules.explain.allItemsOnDistinctDays.mastered_other':
    'Mastered: all {count} items correct on {days} different days.',
  'rules.explain.allItemsOnDistinctDays.notYet_one':
    'Not yet: {known} of {count} item correct on {days} different days; all needed.',
  'rules.explain.allItemsOnDistinctDays.notYet_other':
    'Not yet: {known} of {count} items correct on {days} different days; all needed.',
  'rules.explain.itemsInOneCheck.mastered_one':
    'Mastered: {correct} of {count} item correct in one check on {date}; {needed} needed.',
  'rules.explain.itemsInOneCheck.mastered_other':
    'Mastered: {correct} of {count} items correct in one check on {date}; {needed} needed.',
  'rules.explain.itemsInOneCheck.notYet_one':
    'Not yet: the best check had {correct} of {count} item correct; {needed} needed.',
  'rules.explain.itemsInOneCheck.notYet_other':
    'Not yet: the best check had {correct} of {count} items correct; {needed} needed.',

  'rules.next.start.child': "Let's start something new: {target}.",
  'rules.next.start.teacher': '{target} is not started yet: plan a first check.',
  'rules.next.start.family': 'Next up: “{target}”.',
  'rules.next.practiseItems.child': "Let's practice {items}.",
  'rules.next.practiseItems.teacher_one': '{target}: {count} item not yet known: {items}.',
  'rules.next.practiseItems.teacher_other': '{target}: {count} items not yet known: {items}.',
  'rules.next.practiseItems.teacherDays_one':
    '{target}: {count} item not yet correct on {days} different days: {items}.',
  'rules.next.practiseItems.teacherDays_other':
    '{target}: {count} items not yet correct on {days} different days: {items}.',
  'rules.next.practiseItems.teacherDaysStarted_one':
    '{target}: {count} item not yet correct on {days} different days (already correct on an earlier day): {items}.',
  'rules.next.practiseItems.teacherDaysStarted_other':
    '{target}: {count} items not yet correct on {days} different days ({started} of them already correct on one day or more): {items}.',
  'rules.next.practiseItems.family_one': 'Your child is practicing {items}. Try it together at home.',
  'rules.next.practiseItems.family_other': 'Your child is practicing {items}. Try them together at home.',
  'rules.next.showAgain.child': 'Almost there! Show it again on another day.',
  'rules.next.showAgain.teacher': '{target}: one short. Check again on another day.',
  'rules.next.showAgain.family': 'Almost there with “{target}”: one more time on another day.',
  'rules.next.readyForNext.child': 'You did it! Next: {target}.',
  'rules.next.readyForNext.teacher': '{previous} mastered. Ready for {target}.',
  'rules.next.readyForNext.family': 'Your child mastered “{previous}”! Next: “{target}”.',
  'rules.next.talkToTeacher.child': "Let's talk with your teacher about this one: {target}.",
  'rules.next.talkToTeacher.teacher_one':
    '{target}: no progress since {since} ({count} attempt since then). Talk together and try another way.',
  'rules.next.talkToTeacher.teacher_other':
    '{target}: no progress since {since} ({count} attempts since then). Talk together and try another way.',
  'rules.next.talkToTeacher.family': '“{target}” is tricky right now. The teacher will try another way together.',
  'rules.next.keepPractising.child': 'Keep practicing: {target}.',
  'rules.next.keepPractising.teacher': '{target}: keep practicing and check again.',
  'rules.next.keepPractising.family': 'Your child is working on “{target}”.',
  'rules.next.allDone.child': 'You finished your path! Great work.',
  'rules.next.allDone.teacher_one': 'The only target on the path is mastered.',
  'rules.next.allDone.teacher_other': 'All {count} targets on the path are mastered.',
  'rules.next.allDone.family': 'Your child has mastered every target on the path.',
  'rules.next.noPath.child': 'Your teacher will plan what comes next.',
  'rules.next.noPath.teacher': 'No targets on this path yet.',
  'rules.next.noPath.family': 'The teacher has not planned targets yet.',

  'rules.pacing.onPace': 'On pace',
  'rules.pacing.behind_one': 'Behind: {count} target past its planned date',
  'rules.pacing.behind_other': 'Behind: {count} targets past their planned dates',
  'rules.pacing.ahead_one': 'Ahead: {count} target mastered before its planned date',
  'rules.pacing.ahead_other': 'Ahead: {count} targets mastered before their planned dates',
  'rules.pacing.unplanned': 'No planned dates',
} as const;

export type RulesMessageKey = keyof typeof rulesEn;
