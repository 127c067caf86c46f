import './capture.css';

export { AudioRecorder } from './AudioRecorder.tsx';
export { PhotoCapture } from './PhotoCapture.tsx';
export { DrawingPad } from './DrawingPad.tsx';
export type { ChildVoice } from './child-voice.ts';
export { compressImage, fitWithin, PHOTO_LIMITS, type CompressedImage, type PhotoLimits } from './compress-image.ts';
export {
  browserAudioDevices,
  bytesToObjectUrl,
  type AudioClip,
  type AudioDevices,
  type CapturedMedia,
  type RecorderLike,
} from './media-types.ts';
export { useObjectUrl } from './useObjectUrl.ts';
export { SpaceWarning } from './SpaceWarning.tsx';
