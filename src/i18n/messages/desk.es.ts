import type { DeskMessageKey } from './desk.en.ts';

export const deskEs: Record<DeskMessageKey, string> = {
  'nav.overview': 'Resumen',
  'nav.backup': 'Copia de seguridad',
  'backup.title': 'Copia de seguridad y fusión',
  'backup.intro':
    'Una copia de seguridad es un solo archivo con todo lo que hay en esta tableta: estudiantes, rutas, evidencias, fotos y audio. Guárdela en una memoria USB o en una carpeta compartida.',
  'backup.save.title': 'Guardar una copia',
  'backup.save.button': 'Guardar un archivo de copia',
  'backup.save.working': 'Preparando la copia…',
  'backup.save.done': 'Copia guardada: {records} registros y {files} fotos o grabaciones ({size}).',
  'backup.restore.title': 'Restaurar esta tableta desde una copia',
  'backup.restore.help':
    'Para una tableta nueva o borrada: todo lo del archivo vuelve tal como estaba. Lo que hay ahora en esta tableta se reemplaza.',
  'backup.restore.choose': 'Elegir un archivo de copia para restaurar',
  'backup.restore.confirm':
    'Esta tableta tiene {count} registros propios. Restaurar los reemplaza todos por la copia. ¿Continuar?',
  'backup.restore.done': 'Se restauraron {records} registros y {files} fotos o grabaciones de la copia del {date}.',
  'backup.merge.title': 'Fusionar la copia de otra tableta',
  'backup.merge.help':
    'Añade el trabajo de otra tableta a esta con las mismas reglas que la sincronización: gana el cambio más reciente de cada dato y la evidencia registrada nunca se modifica.',
  'backup.merge.choose': 'Elegir un archivo de copia para fusionar',
  'backup.merge.done':
    'Fusionado: {newRecords} registros nuevos ({newEvidence} de ellos evidencias), {updated} actualizados, {files} fotos o grabaciones nuevas.',
  'backup.merge.queued': '{count} cambios irán al servidor de la escuela en la próxima sincronización.',
  'backup.merge.refused': '{count} registros no se cambiaron porque la evidencia registrada nunca se reescribe.',
  'backup.reading': 'Revisando el archivo…',
  'backup.badFile': 'Este archivo no se puede usar. No se cambió nada.',
  'backup.badFileDetails': 'Qué está mal',
  'backup.failed': 'Algo salió mal: {reason}. No se cambió nada.',
  'backup.cancelled': 'Restauración cancelada. No se cambió nada.',
};
