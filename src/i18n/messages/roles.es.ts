import type { RolesMessageKey } from './roles.en.ts';

export const rolesEs: Record<RolesMessageKey, string> = {
  'roles.title': 'Para qué es esta tableta',
  'roles.intro': 'Bloquea esta tableta para un solo uso. Solo el PIN de maestro la vuelve a desbloquear.',
  'roles.now': 'Ahora: la tableta de un maestro. Se ven todas las pantallas.',
  'roles.choice': 'Bloquearla como',
  'roles.station': 'Una estación para una clase',
  'roles.student': 'La tableta propia de un estudiante',
  'roles.class': 'Clase',
  'roles.studentName': 'Estudiante',
  'roles.noStudents': 'Esta clase aún no tiene estudiantes.',
  'roles.stationServer':
    'Esta tableta está conectada a un servidor de la escuela: pasa a ser allí una estación de la clase y solo ve los dibujos de la clase y al niño que inició sesión. Tu sesión sale de la tableta.',
  'roles.lock': 'Bloquear esta tableta',
  'roles.locking': 'Bloqueando…',
  'roles.stationFor': 'Esta tableta es una estación para {class}.',
  'roles.waitingForClass':
    'Esta tableta es una estación, pero su clase aún no llegó del servidor de la escuela. Revisa la red y vuelve después.',
  'roles.fetchingClass': 'Trayendo la clase del servidor de la escuela…',
  'handOver.myPath': 'Mi camino (lo que ve {name})',
  'handOver.title': 'Dar esta tableta a {name}',
  'handOver.intro':
    'La tableta se abrirá en el camino de {name} y no mostrará nada de otros niños ni ninguna pantalla del maestro, se escriba la dirección que se escriba. Solo el PIN de maestro la desbloquea.',
  'handOver.server':
    'Esta tableta está conectada a un servidor de la escuela: pasa a ser el dispositivo de {name} y sincroniza solo los registros de {name}. Tu sesión sale de la tableta.',
  'handOver.submit': 'Dar la tableta a {name}',
  'handOver.working': 'Entregando…',
  'handOver.pendingChanges':
    'Algunos de tus cambios aún no llegaron al servidor de la escuela. Conéctate a la red, deja que la tableta sincronice y vuelve a intentarlo.',
  'handOver.needsTeacher':
    'Esta tableta no está conectada al servidor de la escuela como maestro. Inicia sesión como maestro en Ajustes, o desconéctala, y vuelve a intentarlo.',
  'handOver.unknownClass':
    'El servidor de la escuela aún no tiene esta clase. Deja que la tableta sincronice y vuelve a intentarlo.',
  'handOver.offline':
    'No se puede llegar al servidor de la escuela. Vuelve a intentarlo cuando la tableta tenga conexión.',
  'handOver.failed': 'La tableta no se entregó: {reason}',
  'problems.title': 'Problemas en esta tableta',
  'problems.intro':
    'Cuando una pantalla falla, la tableta lo anota aquí (solo en esta tableta). Pasa estas líneas a quien cuida Waypoint.',
  'problems.none': 'No hay problemas anotados.',
  'problems.where': '{when}, en {path}',
  'problems.clear': 'Borrar la lista',
};
