import type { AccountMessageKey } from './account.en.ts';

export const accountEs: Record<AccountMessageKey, string> = {
  'account.password.title': 'Cambiar la contraseña',
  'account.password.intro':
    'La contraseña de tu cuenta, para iniciar sesión en cualquier tableta. Al cambiarla, tu cuenta se cierra en todas las demás; esta tableta sigue conectada, y las tabletas de clase, las estaciones y las tabletas de los niños siguen funcionando.',
  'account.password.current': 'Contraseña actual',
  'account.password.new': 'Contraseña nueva (al menos 10 caracteres)',
  'account.password.again': 'Repite la contraseña nueva',
  'account.password.hint':
    'Tres o cuatro palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
  'account.password.submit': 'Cambiar la contraseña',
  'account.password.saving': 'Cambiando la contraseña…',
  'account.password.done':
    'Contraseña cambiada. Las otras tabletas conectadas con tu cuenta deben iniciar sesión de nuevo con la contraseña nueva.',
  'account.password.mismatch': 'Las dos contraseñas nuevas no son iguales. Escribe de nuevo la contraseña nueva.',
  'account.password.currentMissing': 'Escribe primero tu contraseña actual.',
  'account.password.wrong': 'La contraseña actual no es correcta. No se cambió nada.',
  'account.password.weak.length': 'La contraseña nueva necesita de 10 a 200 caracteres.',
  'account.password.weak.sameAsCurrent': 'La contraseña nueva es igual a la actual. Elige otra.',
  'account.password.weak.published': 'Esta contraseña está publicada con la demostración de Waypoint. Elige otra.',
  'account.password.weak.containsEmail': 'La contraseña nueva contiene tu correo. Elige otra.',
  'account.password.weak.containsName': 'La contraseña nueva contiene tu nombre. Elige otra.',
  'account.password.weak.fewCharacters': 'La contraseña nueva necesita al menos 5 caracteres distintos.',
  'account.password.weak.noLetters': 'La contraseña nueva necesita letras, no solo números y símbolos.',
  'account.password.weak.common': 'La contraseña nueva es de las comunes que se prueban primero. Elige otra.',
  'account.password.offline':
    'No se pudo conectar con el servidor de la escuela, así que no se cambió nada. Inténtalo de nuevo cuando esta tableta tenga conexión.',
  'account.password.throttled': 'Demasiadas contraseñas incorrectas. Espera un minuto y vuelve a intentarlo.',
  'account.password.failed': 'No se cambió la contraseña: {reason}',
};
