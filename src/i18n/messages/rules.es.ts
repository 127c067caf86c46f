import type { rulesEn } from './rules.en.ts';

/** Spanish strings for src/rules messages; the Record type makes a missing key a type error. */
export const rulesEs: Record<keyof typeof rulesEn, string> = {
  'rules.status.notStarted': 'Sin empezar',
  'rules.status.inProgress': 'En progreso',
  'rules.status.mastered': 'Dominado',
  'rules.status.skipped': 'Omitido',
  'rules.item.known': 'Lo sabe',
  'rules.item.notYet': 'Todavía no',
  'rules.item.neverTried': 'Sin intentar',

  'rules.explain.noScores': 'Todavía no: no hay evidencia con nivel; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.noItemChecks': 'Todavía no: aún no hay revisiones de elementos.',
  'rules.explain.noItems': 'Todavía no: esta meta no tiene elementos que revisar.',
  'rules.explain.override.markMastered': 'Dominado: marcado por el maestro el {date}.',
  'rules.explain.override.reopen': 'Reabierto por el maestro el {date}: se necesita nueva evidencia.',
  'rules.explain.decayingAverage.mastered_one':
    'Dominado: puntuación {score} de {count} revisión; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.decayingAverage.mastered_other':
    'Dominado: promedio decreciente {score} de {count} revisiones, la más reciente con peso {weight} %; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.decayingAverage.notYet_one':
    'Todavía no: puntuación {score} de {count} revisión; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.decayingAverage.notYet_other':
    'Todavía no: promedio decreciente {score} de {count} revisiones, la más reciente con peso {weight} %; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.exponentialDecay.mastered_one':
    'Dominado: puntuación {score} de {count} revisión; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.exponentialDecay.mastered_other':
    'Dominado: puntuación decreciente {score} de {count} revisiones, cada nueva con peso {weight} %; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.exponentialDecay.notYet_one':
    'Todavía no: puntuación {score} de {count} revisión; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.exponentialDecay.notYet_other':
    'Todavía no: puntuación decreciente {score} de {count} revisiones, cada nueva con peso {weight} %; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.nTimes.mastered_one':
    'Dominado: {count} revisión en {threshold} o más, se necesita {n}; su puntuación es {score}.',
  'rules.explain.nTimes.mastered_other':
    'Dominado: {count} revisiones en {threshold} o más, se necesitan {n}; su promedio es {score}.',
  'rules.explain.nTimes.notYet_one': 'Todavía no: {count} revisión en {threshold} o más; se necesitan {n}.',
  'rules.explain.nTimes.notYet_other': 'Todavía no: {count} revisiones en {threshold} o más; se necesitan {n}.',
  'rules.explain.mostRecent.mastered_one':
    'Dominado: la única revisión es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.mostRecent.mastered_other':
    'Dominado: la más reciente de {count} revisiones es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.mostRecent.notYet_one':
    'Todavía no: la única revisión es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.mostRecent.notYet_other':
    'Todavía no: la más reciente de {count} revisiones es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.highest.mastered_one':
    'Dominado: la única revisión es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.highest.mastered_other':
    'Dominado: la más alta de {count} revisiones es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.highest.notYet_one':
    'Todavía no: la única revisión es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.highest.notYet_other':
    'Todavía no: la más alta de {count} revisiones es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.average.mastered_one':
    'Dominado: la única revisión es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.average.mastered_other':
    'Dominado: el promedio de {count} revisiones es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.average.notYet_one':
    'Todavía no: la única revisión es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.average.notYet_other':
    'Todavía no: el promedio de {count} revisiones es {score}; se necesita {thresholdValue} ({threshold}).',
  'rules.explain.mOfN.mastered_one':
    'Dominado: {atOrAbove} de {count} revisión en {threshold} o más; se necesitan {m} de {n}.',
  'rules.explain.mOfN.mastered_other':
    'Dominado: {atOrAbove} de las últimas {count} revisiones en {threshold} o más; se necesitan {m} de {n}.',
  'rules.explain.mOfN.notYet_one':
    'Todavía no: {atOrAbove} de {count} revisión en {threshold} o más; se necesitan {m} de {n}.',
  'rules.explain.mOfN.notYet_other':
    'Todavía no: {atOrAbove} de las últimas {count} revisiones en {threshold} o más; se necesitan {m} de {n}.',
  'rules.explain.inARow.mastered_one': 'Dominado: la última revisión en {threshold} o más; se necesitan {n} seguidas.',
  'rules.explain.inARow.mastered_other':
    'Dominado: las últimas {count} revisiones seguidas en {threshold} o más; se necesitan {n}.',
  'rules.explain.inARow.notYet_one': 'Todavía no: {count} revisión seguida en {threshold} o más; se necesitan {n}.',
  'rules.explain.inARow.notYet_other':
    'Todavía no: {count} revisiones seguidas en {threshold} o más; se necesitan {n}.',
  'rules.explain.allItemsOnDistinctDays.mastered_one': 'Dominado: el elemento correcto en {days} días distintos.',
  'rules.explain.allItemsOnDistinctDays.mastered_other':
    'Dominado: los {count} elementos correctos en {days} días distintos.',
  'rules.explain.allItemsOnDistinctDays.notYet_one':
    'Todavía no: {known} de {count} elemento correcto en {days} días distintos; se necesitan todos.',
  'rules.explain.allItemsOnDistinctDays.notYet_other':
    'Todavía no: {known} de {count} elementos correctos en {days} días distintos; se necesitan todos.',
  'rules.explain.itemsInOneCheck.mastered_one':
    'Dominado: {correct} de {count} elemento correcto en una revisión el {date}; se necesitan {needed}.',
  'rules.explain.itemsInOneCheck.mastered_other':
    'Dominado: {correct} de {count} elementos correctos en una revisión el {date}; se necesitan {needed}.',
  'rules.explain.itemsInOneCheck.notYet_one':
    'Todavía no: la mejor revisión tuvo {correct} de {count} elemento correcto; se necesitan {needed}.',
  'rules.explain.itemsInOneCheck.notYet_other':
    'Todavía no: la mejor revisión tuvo {correct} de {count} elementos correctos; se necesitan {needed}.',

  'rules.next.start.child': 'Empecemos algo nuevo: {target}.',
  'rules.next.start.teacher': '{target} aún no ha empezado: planifique una primera revisión.',
  'rules.next.start.family': 'Lo siguiente: «{target}».',
  'rules.next.practiseItems.child': 'Practiquemos {items}.',
  'rules.next.practiseItems.teacher_one': '{target}: {count} elemento que aún no sabe: {items}.',
  'rules.next.practiseItems.teacher_other': '{target}: {count} elementos que aún no sabe: {items}.',
  'rules.next.practiseItems.teacherDays_one':
    '{target}: {count} elemento aún no está correcto en {days} días distintos: {items}.',
  'rules.next.practiseItems.teacherDays_other':
    '{target}: {count} elementos aún no están correctos en {days} días distintos: {items}.',
  'rules.next.practiseItems.teacherDaysStarted_one':
    '{target}: {count} elemento aún no está correcto en {days} días distintos (ya lo estuvo otro día): {items}.',
  'rules.next.practiseItems.teacherDaysStarted_other':
    '{target}: {count} elementos aún no están correctos en {days} días distintos ({started} de ellos ya lo estuvieron uno o más días): {items}.',
  'rules.next.practiseItems.family_one': 'Su hijo o hija está practicando {items}. Practíquelo en casa juntos.',
  'rules.next.practiseItems.family_other': 'Su hijo o hija está practicando {items}. Practíquenlos en casa juntos.',
  'rules.next.showAgain.child': '¡Ya casi! Muéstralo otra vez otro día.',
  'rules.next.showAgain.teacher': '{target}: falta una vez. Revise de nuevo otro día.',
  'rules.next.showAgain.family': 'Ya casi lo logra con «{target}»: una vez más otro día.',
  'rules.next.readyForNext.child': '¡Lo lograste! Ahora: {target}.',
  'rules.next.readyForNext.teacher': '{previous} dominado. Listo para {target}.',
  'rules.next.readyForNext.family': '¡Su hijo o hija dominó «{previous}»! Ahora: «{target}».',
  'rules.next.talkToTeacher.child': 'Hablemos con tu maestro sobre esta meta: {target}.',
  'rules.next.talkToTeacher.teacher_one':
    '{target}: sin progreso desde el {since} ({count} intento desde entonces). Hablen y prueben otra manera.',
  'rules.next.talkToTeacher.teacher_other':
    '{target}: sin progreso desde el {since} ({count} intentos desde entonces). Hablen y prueben otra manera.',
  'rules.next.talkToTeacher.family': '«{target}» cuesta ahora mismo. El maestro probará otra manera juntos.',
  'rules.next.keepPractising.child': 'Sigue practicando: {target}.',
  'rules.next.keepPractising.teacher': '{target}: seguir practicando y volver a revisar.',
  'rules.next.keepPractising.family': 'Su hijo o hija está trabajando en «{target}».',
  'rules.next.allDone.child': '¡Terminaste tu camino! Muy buen trabajo.',
  'rules.next.allDone.teacher_one': 'El único objetivo del camino está dominado.',
  'rules.next.allDone.teacher_other': 'Los {count} objetivos del camino están dominados.',
  'rules.next.allDone.family': 'Su hijo o hija ha dominado todas las metas del camino.',
  'rules.next.noPath.child': 'Tu maestro planificará lo que sigue.',
  'rules.next.noPath.teacher': 'Este camino aún no tiene objetivos.',
  'rules.next.noPath.family': 'El maestro aún no ha planificado metas.',

  'rules.pacing.onPace': 'Al día',
  'rules.pacing.behind_one': 'Atrasado: {count} meta pasó su fecha prevista',
  'rules.pacing.behind_other': 'Atrasado: {count} metas pasaron su fecha prevista',
  'rules.pacing.ahead_one': 'Adelantado: {count} meta dominada antes de su fecha prevista',
  'rules.pacing.ahead_other': 'Adelantado: {count} metas dominadas antes de su fecha prevista',
  'rules.pacing.unplanned': 'Sin fechas previstas',
};
