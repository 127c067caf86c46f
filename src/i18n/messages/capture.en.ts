/**
 * Words of the capture components (src/ui/capture): recording, photos and drawing, used by teachers in the
 * conference and by children at the station (in the child's language). Every key must exist in capture.es.ts.
 */
export const captureEn = {
  'capture.audio.title': 'Audio',
  'capture.audio.record': 'Record',
  'capture.audio.stop': 'Stop',
  'capture.audio.keep': 'Keep this recording',
  'capture.audio.again': 'Record again',
  'capture.audio.playback': 'Listen to the recording',
  'capture.audio.recording': 'Recording… {seconds} s',
  'capture.audio.review': 'Recorded {seconds} s. Listen, then keep it or record again.',
  'capture.audio.unsupported': 'This device cannot record audio here.',
  'capture.audio.insecure':
    'Recording is off: this page was opened without HTTPS, so the browser blocks the microphone.',
  'capture.audio.denied': 'Could not use the microphone: {reason}',
  'capture.photo.title': 'Photos',
  'capture.photo.take': 'Take or choose a photo',
  'capture.photo.working': 'Preparing the photo…',
  'capture.photo.ready': 'Photo ready ({size}).',
  'capture.photo.failed': 'Could not read this photo: {reason}',
  'capture.photo.preview': 'Photo preview',
  'capture.drawing.title': 'Drawing',
  'capture.drawing.canvas': 'Drawing area: draw with a finger, pen or mouse',
  'capture.drawing.clear': 'Clear',
  'capture.drawing.keep': 'Keep this drawing',
  'capture.drawing.kept': 'Drawing kept.',
  'capture.drawing.colour': 'Color',
  'capture.colour.ink': 'Black',
  'capture.colour.blue': 'Blue',
  'capture.colour.red': 'Red',
  'capture.colour.green': 'Green',
  'capture.hear': 'Hear it',
  'capture.audio.listen': 'Listen',
  'capture.audio.deniedChild': 'The microphone does not work. Ask your teacher.',
  'capture.photo.takeOne': 'Take a photo',
  'capture.photo.keep': 'Keep this photo',
  'capture.photo.retake': 'Take it again',
  'capture.photo.check': 'Is this your photo? Keep it, or take it again.',
  'capture.photo.kept': 'Photo kept.',
  'capture.photo.failedChild': 'This photo did not work. Take it again, or ask your teacher.',
  'capture.space.low':
    'This tablet is almost full ({left} left): new photos and recordings may not save. Connect to the school server so older photos can move there, or free space on the tablet.',
  'capture.space.lowChild': 'The tablet is full. Ask your teacher.',
  'capture.space.full':
    'This tablet is full, so this was not saved. Everything saved before is safe, and your photos and recordings are still here to save again: connect to the school server so older photos can move there, or free space on the tablet.',
} as const;

export type CaptureMessageKey = keyof typeof captureEn;
