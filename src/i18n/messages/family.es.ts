import type { FamilyMessageKey } from './family.en.ts';

export const familyEs: Record<FamilyMessageKey, string> = {
  'family.reportLink': 'Informe para la familia',
  'family.page.back': 'Volver a {name}',
  'family.report.label': 'Informe para la familia',
  'family.report.title': 'Cómo le va a {name}',
  'family.report.date': 'Informe del {date}',
  'family.report.mastered.title': 'Lo que {name} ya sabe hacer',
  'family.report.mastered.summary': '{name} ya aprendió {learned} de las {total} metas planeadas hasta ahora.',
  'family.report.mastered.none': 'Todavía no hay nada marcado como aprendido. ¡Todo camino empieza con un primer paso!',
  'family.report.mastered.list': 'Metas que {name} ya aprendió',
  'family.report.current.title': 'Lo que aprende ahora',
  'family.report.current.none': 'El maestro o la maestra está eligiendo lo que sigue.',
  'family.report.next.title': 'El próximo paso',
  'family.report.practice.title': 'Para practicar en casa',
  'family.report.practice.for': 'Tarjetas para: {target}',
  'family.report.practice.howTo':
    'Recorte las tarjetas por las líneas punteadas. Muestre una tarjeta a la vez y deje que su hijo o hija la diga. Ponga las que ya sabe en un montón de “listas” y ¡celébrelo! Cinco minutos al día son suficientes; paren mientras todavía sea divertido.',
  'family.report.practice.none':
    'Esta vez no hay tarjetas. Pida a {name} que le muestre lo que está aprendiendo y celebre cada intento.',
  'family.report.practice.list': 'Tarjetas para practicar',
  'family.report.work.title': 'Trabajos de {name} en la escuela',
  'family.report.work.label': '{what}, {day} ({n})',
  'family.report.footer': '¿Preguntas? El maestro o la maestra de su hijo o hija hablará con usted con gusto.',
  'family.controls.title': 'Imprimir y compartir',
  'family.controls.language': 'Idioma del informe',
  'family.controls.languageFallback':
    'El idioma de la familia ({tag}) todavía no está disponible, así que el informe empieza en inglés.',
  'family.controls.paper': 'Tamaño del papel',
  'family.controls.paper.a4': 'A4',
  'family.controls.paper.letter': 'Carta',
  'family.controls.print': 'Imprimir el informe',
  'family.share.title': 'Compartir con la familia',
  'family.share.intro':
    'Un enlace privado muestra este informe, siempre al día, a quien lo tenga. No permite cambiar nada y puede desactivarlo cuando quiera.',
  'family.share.create': 'Crear un enlace para la familia',
  'family.share.creating': 'Creando el enlace…',
  'family.share.created': 'El enlace está listo. Cópielo y envíelo a la familia.',
  'family.share.url': 'Enlace para la familia',
  'family.share.copy': 'Copiar el enlace',
  'family.share.copied': 'Enlace copiado.',
  'family.share.copyFailed': 'No se pudo copiar. Seleccione el enlace y cópielo a mano.',
  'family.share.links': 'Enlaces creados en esta tableta',
  'family.share.madeOn': 'Creado el {date}',
  'family.share.revoke': 'Desactivar',
  'family.share.revokeLabel': 'Desactivar el enlace creado el {date}',
  'family.share.revoked': 'El enlace está desactivado. Quien lo abra ahora verá que ya no funciona.',
  'family.share.notConnected': 'Para compartir un enlace, conecte primero esta tableta al servidor de la escuela.',
  'family.share.openSettings': 'Abrir Ajustes',
  'family.share.notTeacher': 'Solo la tableta de un maestro o una maestra puede crear enlaces para la familia.',
  'family.share.demoChild':
    'Este niño o niña está en la clase de demostración que solo existe en esta tableta, así que el servidor no puede mostrar su informe.',
  'family.share.notOnServer':
    'El servidor todavía no conoce a este niño o niña. Sincronice esta tableta y vuelva a intentarlo.',
  'family.share.network': 'No se pudo conectar con el servidor. Revise la red y vuelva a intentarlo.',
  'family.share.failed': 'No se pudo crear el enlace: {reason}',
  'family.share.revokeFailed': 'No se pudo desactivar el enlace: {reason}',
  'family.work.pick.title': 'Trabajos para mostrar a la familia',
  'family.work.pick.intro':
    'Marque las fotos, dibujos y grabaciones que la familia puede ver. Solo lo marcado aparece en el informe y en el enlace para la familia.',
  'family.work.pick.none': 'Todavía no hay fotos, dibujos ni grabaciones de {name}. Agréguelos en una conferencia.',
  'family.work.pick.share': 'Mostrar a la familia',
  'family.work.failed': 'No se pudo cambiar lo que ve la familia: {reason}',
  'family.work.missing': 'No se pudo mostrar este trabajo.',
  'family.work.onServer':
    'Este trabajo está en el servidor de la escuela; se verá cuando la tableta tenga conexión. Imprima el informe entonces.',
  'family.work.fetching': 'Trayendo este trabajo del servidor de la escuela…',
  'family.view.loading': 'Cargando el informe…',
  'family.view.problemTitle': 'El informe de su hijo o hija',
  'family.view.readOnly':
    'Esta página muestra el aprendizaje de su hijo o hija tal como lo registró la escuela. Aquí no se puede cambiar nada.',
  'family.view.revoked':
    'La escuela desactivó este enlace. Para volver a ver el informe, pida un enlace nuevo al maestro o la maestra de su hijo o hija.',
  'family.view.expired': 'Este enlace ya venció. Pida uno nuevo al maestro o la maestra de su hijo o hija, por favor.',
  'family.view.invalid':
    'Este enlace no funciona. Revise que lo copió completo, o pida uno nuevo al maestro o la maestra de su hijo o hija.',
  'family.view.network':
    'No se pudo cargar el informe. Revise su conexión a internet y vuelva a intentarlo, por favor.',
  'family.view.failed': 'No se pudo cargar el informe en este momento. Inténtelo más tarde, por favor.',
  'family.view.retry': 'Volver a intentar',
};
