'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Reads the lesson aloud with the browser's speech synthesis in zh-CN. Text goes sentence by sentence, because
 * some engines stop long utterances part-way.
 */
const SPEEDS = [0.75, 1, 1.25, 1.5];
const noop = () => () => undefined;

function sentences(paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) =>
    p
      .split(/(?<=[。！？；!?;])/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function ReadAloud({ paragraphs, lang = 'zh-CN' }: { paragraphs: string[]; lang?: string }) {
  const t = useTranslations('study');
  const supported = useSyncExternalStore(
    noop,
    () => 'speechSynthesis' in window,
    () => true,
  );
  const [state, setState] = useState<'stopped' | 'playing' | 'paused'>('stopped');
  const [rate, setRate] = useState(1);
  const [noVoice, setNoVoice] = useState(false);
  const index = useRef(0);
  const queue = useRef<string[]>([]);

  useEffect(() => {
    return () => window.speechSynthesis?.cancel();
  }, []);

  function speakFrom(i: number, speed: number) {
    const synth = window.speechSynthesis;
    synth.cancel();
    index.current = i;
    const next = () => {
      const text = queue.current[index.current];
      if (text === undefined) return setState('stopped');
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      u.rate = speed;
      const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
      if (voice) u.voice = voice;
      u.onend = () => {
        index.current++;
        next();
      };
      synth.speak(u);
    };
    setState('playing');
    next();
  }

  // Many domestic browsers and WebViews have speech synthesis but no Chinese voice: they would "play" in silence.
  async function start() {
    const synth = window.speechSynthesis;
    let voices = synth.getVoices();
    if (!voices.length)
      voices = await new Promise<SpeechSynthesisVoice[]>((resolve) => {
        const done = () => resolve(synth.getVoices());
        synth.addEventListener('voiceschanged', done, { once: true });
        setTimeout(done, 1500);
      });
    if (!voices.some((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)))) return setNoVoice(true);
    queue.current = sentences(paragraphs);
    speakFrom(0, rate);
  }

  if (!supported) return <p className="text-sm text-muted">{t('noSpeech')}</p>;
  if (noVoice)
    return (
      <p role="status" className="rounded-lg bg-amber-50 p-3">
        {t('noVoice')}
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('readAloud')}>
      {state === 'stopped' ? (
        <Button variant="secondary" onClick={() => void start()}>
          {t('readAloud')}
        </Button>
      ) : state === 'playing' ? (
        <Button variant="secondary" onClick={() => (window.speechSynthesis.pause(), setState('paused'))}>
          {t('pause')}
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => (window.speechSynthesis.resume(), setState('playing'))}>
          {t('resume')}
        </Button>
      )}
      {state !== 'stopped' ? (
        <Button variant="ghost" onClick={() => (window.speechSynthesis.cancel(), setState('stopped'))}>
          {t('stop')}
        </Button>
      ) : null}
      <label className="flex items-center gap-1 text-sm">
        {t('speed')}
        <select
          name="speed"
          className="min-h-11 rounded-lg border border-line bg-surface px-2"
          value={rate}
          onChange={(e) => {
            const speed = Number(e.target.value);
            setRate(speed);
            if (state === 'playing') speakFrom(index.current, speed);
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
