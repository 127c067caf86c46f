import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getClass, listTargets, loadClassProgressData, putBlob, setTargetClipId, useStore } from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { AudioRecorder, type AudioDevices } from '#ui/capture/index.ts';
import { hasVoiceFor } from '#ui/speech.ts';
import { useT } from '#ui/useT.ts';
import { childLanguageTag, translatedKidStatement } from './station-view.ts';

/**
 * The teacher records "I can" statements for languages this tablet has no voice for; the station plays
 * the clip instead of a synthetic voice in the wrong accent (or none).
 */
export function ReadAloudClips({
  classId,
  audioDevices,
}: {
  classId: string;
  audioDevices?: AudioDevices | undefined;
}) {
  const { t, language: uiLanguage } = useT();
  const store = useStore();
  const ids = useId();
  const data = useLiveQuery(async () => {
    const [group, progress, targets] = await Promise.all([
      getClass(store, classId),
      loadClassProgressData(store, classId),
      listTargets(store),
    ]);
    const onPath = new Set(group?.templateTargetIds ?? []);
    // Children whose family language this tablet was not told hear the tablet's language (station-view.ts).
    const languageOf = (student: (typeof progress)[number]['student']) => childLanguageTag(student, uiLanguage);
    const languages = [...new Set(progress.map((p) => languageOf(p.student)))].sort();
    // How many children of each language work on each target now: those clips are the ones heard today.
    const currentCount = new Map<string, number>();
    const now = new Date();
    for (const data of progress) {
      const current = evaluateProgress(data, now).currentTargetId;
      const key = `${languageOf(data.student)}|${current}`;
      if (current) currentCount.set(key, (currentCount.get(key) ?? 0) + 1);
    }
    // A class with no class path yet (or one this tablet was not sent) offers every target.
    const offered = onPath.size > 0 ? targets.filter((target) => onPath.has(target.id)) : targets;
    return { languages, currentCount, targets: offered };
  }, [store, classId, uiLanguage]);
  const [language, setLanguage] = useState<string | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [savedFor, setSavedFor] = useState<string | null>(null);
  if (!data || data.languages.length === 0) return null;

  const chosenLanguage = language ?? data.languages.find((l) => !hasVoiceFor(l)) ?? data.languages[0]!;
  const statementOf = (target: (typeof data.targets)[number]) =>
    translatedKidStatement(target.translations, chosenLanguage)?.statement ?? target.kidStatement;
  const childrenOn = (id: string) => data.currentCount.get(`${chosenLanguage}|${id}`) ?? 0;
  const mostCurrent = [...data.targets].sort((a, b) => childrenOn(b.id) - childrenOn(a.id))[0];
  const chosenTarget = data.targets.find((target) => target.id === targetId) ?? mostCurrent;

  const keep = async (bytes: ArrayBuffer, mime: string) => {
    if (!chosenTarget) return;
    await setTargetClipId(store, chosenTarget.id, chosenLanguage, await putBlob(store, bytes, mime));
    setSavedFor(statementOf(chosenTarget));
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('kiosk.clips.title')}</h2>
      <p>{t('kiosk.clips.intro')}</p>
      <ul>
        {data.languages.map((l) => (
          <li key={l}>
            {t(hasVoiceFor(l) ? 'kiosk.clips.hasVoice' : 'kiosk.clips.noVoice', {
              language: languageName(l, uiLanguage),
            })}
          </li>
        ))}
      </ul>
      <label htmlFor={`${ids}-language`}>{t('kiosk.clips.language')}</label>
      <select id={`${ids}-language`} value={chosenLanguage} onChange={(e) => setLanguage(e.target.value)}>
        {data.languages.map((l) => (
          <option key={l} value={l}>
            {languageName(l, uiLanguage)}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-target`}>{t('kiosk.clips.target')}</label>
      <select id={`${ids}-target`} value={chosenTarget?.id ?? ''} onChange={(e) => setTargetId(e.target.value)}>
        {data.targets.map((target) => (
          <option key={target.id} value={target.id}>
            {target.code} · {statementOf(target)}
            {childrenOn(target.id) > 0 ? ` (${t('kiosk.clips.current', { count: childrenOn(target.id) })})` : ''}
          </option>
        ))}
      </select>
      <AudioRecorder
        label={t('kiosk.clips.record')}
        onRecorded={(clip) => void keep(clip.bytes, clip.mime)}
        {...(audioDevices ? { devices: audioDevices } : {})}
      />
      <p role="status" aria-live="polite">
        {savedFor ? t('kiosk.clips.saved', { statement: savedFor }) : ''}
      </p>
    </section>
  );
}

/** "Spanish" / "español" for 'es', in the teacher's language; the tag itself where Intl cannot name it. */
function languageName(tag: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
