import type { syncEn } from './sync.en.ts';

/** Spanish of sync.en.ts. */
export const syncEs: Record<keyof typeof syncEn, string> = {
  'sync.notSaved.title': 'No guardado en el servidor de la escuela',
  'sync.notSaved.intro':
    'El servidor de la escuela no aceptó estos cambios. Esta tableta muestra ahora lo que guarda el servidor; esta lista conserva lo que no se guardó.',
  'sync.notSaved.line': '{subject} no se guardó: {why} {todo}',
  'sync.notSaved.more_one': 'Y {count} más.',
  'sync.notSaved.more_other': 'Y {count} más.',
  'sync.notSaved.dismiss': 'Ya lo leí',
  'sync.notSaved.someChild': 'un niño',
  'sync.notSaved.subject.evidence': 'La evidencia de {name} del {date}',
  'sync.notSaved.subject.evidence.observation': 'La observación de {name} del {date}',
  'sync.notSaved.subject.evidence.check': 'La comprobación individual de {name} del {date}',
  'sync.notSaved.subject.evidence.workSample': 'La muestra de trabajo de {name} del {date}',
  'sync.notSaved.subject.evidence.selfAssessment': 'La autoevaluación de {name} del {date}',
  'sync.notSaved.subject.evidence.conferenceNote': 'La nota de conferencia de {name} del {date}',
  'sync.notSaved.subject.decision': 'Una decisión sobre {name} del {date}',
  'sync.notSaved.subject.decision.markMastered':
    'La decisión del {date} de marcar un objetivo como dominado para {name}',
  'sync.notSaved.subject.decision.reopen': 'La decisión del {date} de reabrir un objetivo para {name}',
  'sync.notSaved.subject.decision.setCurrent': 'La decisión del {date} sobre el objetivo actual de {name}',
  'sync.notSaved.subject.decision.chooseNext': 'La elección de {name} del {date}',
  'sync.notSaved.subject.attachment': 'La foto o grabación de la evidencia de {name} del {date}',
  'sync.notSaved.subject.path': 'La ruta de {name}',
  'sync.notSaved.subject.student': 'El registro de {name}',
  'sync.notSaved.subject.class': 'La clase «{label}»',
  'sync.notSaved.subject.school': 'La información de la escuela',
  'sync.notSaved.subject.teacher': 'La información de {label}',
  'sync.notSaved.subject.framework': 'El marco «{label}»',
  'sync.notSaved.subject.target': 'El objetivo {label}',
  'sync.notSaved.subject.itemSet': 'El conjunto de elementos «{label}»',
  'sync.notSaved.why.stationWork':
    'una estación solo guarda el trabajo propio de un niño, a la espera de la revisión del docente, nunca una valoración del docente.',
  'sync.notSaved.why.stationChoice':
    'una estación solo guarda la elección propia de un niño sobre qué aprender después.',
  'sync.notSaved.why.stationPath': 'una estación no puede cambiar la ruta de un niño; la planifica el docente.',
  'sync.notSaved.why.stationContent':
    'una estación no puede cambiar la clase, sus niños ni los objetivos de aprendizaje.',
  'sync.notSaved.why.classSchool': 'una tableta de clase no puede cambiar la escuela ni sus docentes.',
  'sync.notSaved.why.classOther': 'una tableta de clase no puede crear clases ni cambiar otra clase.',
  'sync.notSaved.why.forbidden': 'esta tableta no puede cambiarlo.',
  'sync.notSaved.why.immutable': 'el trabajo registrado no se puede cambiar después.',
  'sync.notSaved.why.scope':
    'el servidor no conoce a este niño o esta clase para esta tableta (es de otra clase, o nunca se guardó allí).',
  'sync.notSaved.why.conflict': 'el servidor guarda otro cambio con el mismo nombre.',
  'sync.notSaved.why.attachment': 'el servidor no acepta este tipo de archivo (se queda en esta tableta).',
  'sync.notSaved.why.invalid': 'el servidor no pudo aceptarlo (demasiado grande o incompleto).',
  'sync.notSaved.why.invalidField':
    'uno de sus valores no era del tipo que espera el servidor (una fecha, un nivel o una lista), algo que puede causar un Waypoint desactualizado.',
  'sync.notSaved.todo.teacherTablet': 'Regístralo en una tableta de docente.',
  'sync.notSaved.todo.account': 'Hazlo en una tableta con la sesión de la cuenta del docente.',
  'sync.notSaved.todo.void': 'Anúlalo y regístralo de nuevo.',
  'sync.notSaved.todo.checkClass': 'Comprueba que esta tableta esté unida a la clase correcta y regístralo de nuevo.',
  'sync.notSaved.todo.attachment': 'Vuelve a tomar la foto o la grabación en Waypoint.',
  'sync.notSaved.todo.update': 'Actualiza Waypoint en esta tableta y regístralo de nuevo.',
  'sync.notSaved.todo.again': 'Regístralo de nuevo.',
  'sync.held_one':
    '{count} cambio hecho en esta tableta se queda aquí sin enviar: la conexión de esta tableta no puede enviarlo. Inicia sesión con la cuenta del docente para enviarlo.',
  'sync.held_other':
    '{count} cambios hechos en esta tableta se quedan aquí sin enviar: la conexión de esta tableta no puede enviarlos. Inicia sesión con la cuenta del docente para enviarlos.',
  'sync.clock.ahead':
    'El reloj de esta tableta va {amount} adelantado respecto al servidor de la escuela. Ajusta la fecha y la hora en la configuración de la tableta.',
  'sync.clock.behind':
    'El reloj de esta tableta va {amount} atrasado respecto al servidor de la escuela. Ajusta la fecha y la hora en la configuración de la tableta.',
};
