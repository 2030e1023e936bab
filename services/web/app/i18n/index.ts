import { useEffect, useState } from 'preact/hooks';
import { en } from './en.ts';
import { type MessageKey, zh } from './zh.ts';

// Chinese by default, English on request; the choice is remembered on this device. No library:
// two dictionaries with the same keys (the type of `en` makes a missing key a type error).

export type Lang = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'onego.lang';
const dictionaries = { zh, en } as const;
const listeners = new Set<() => void>();

function initial(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = initial();

export const lang = () => current;

export function setLang(next: Lang) {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

/** A message in the current language; `{name}` placeholders are filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template: string = dictionaries[current][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A text the API gives in both languages (catalogue names, item names). */
export const pick = (text: { zh: string; en: string } | undefined) => (text ? text[current] : '');

/** Re-renders the calling component when the language changes. */
export function useLang(): Lang {
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    listeners.add(rerender);
    return () => void listeners.delete(rerender);
  }, []);
  return current;
}

export function formatDate(iso: string | null | undefined) {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00+08:00`) : new Date(iso);
  return date.toLocaleDateString(current === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });
}

export function formatDateTime(iso: string | null | undefined) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(current === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

export function formatDuration(ms: number | null | undefined) {
  if (ms === null || ms === undefined) return '';
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return t('duration.seconds', { n: Math.max(0, Math.round(ms / 1000)) });
  if (minutes < 120) return t('duration.minutes', { n: minutes });
  return t('duration.hours', { n: Math.round(minutes / 6) / 10 });
}
