// Vietnamese first, English second. Every visible string goes through a key of the Vietnamese
// catalogue; the English one must carry the same keys (the type below refuses a catalogue with
// one missing). Each domain with many strings keeps its own pair of files (`live.vi.json`,
// `live.en.json`, …), merged here.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import analyticsEn from './analytics.en.json';
import analyticsVi from './analytics.vi.json';
import coverageEn from './coverage.en.json';
import coverageVi from './coverage.vi.json';
import enBase from './en.json';
import evidenceEn from './evidence.en.json';
import evidenceVi from './evidence.vi.json';
import fundingEn from './funding.en.json';
import fundingVi from './funding.vi.json';
import incidentsEn from './incidents.en.json';
import incidentsVi from './incidents.vi.json';
import liveEn from './live.en.json';
import liveVi from './live.vi.json';
import playbackEn from './playback.en.json';
import playbackVi from './playback.vi.json';
import planningEn from './planning.en.json';
import planningVi from './planning.vi.json';
import requestsEn from './requests.en.json';
import requestsVi from './requests.vi.json';
import viBase from './vi.json';
import wallEn from './wall.en.json';
import wallVi from './wall.vi.json';

export const vi = {
  ...viBase,
  ...liveVi,
  ...playbackVi,
  ...wallVi,
  ...incidentsVi,
  ...requestsVi,
  ...evidenceVi,
  ...coverageVi,
  ...planningVi,
  ...fundingVi,
  ...analyticsVi,
};
const en = {
  ...enBase,
  ...liveEn,
  ...playbackEn,
  ...wallEn,
  ...incidentsEn,
  ...requestsEn,
  ...evidenceEn,
  ...coverageEn,
  ...planningEn,
  ...fundingEn,
  ...analyticsEn,
};

export type MessageKey = keyof typeof vi;
export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { vi, en };
const storageKey = 'matthan.language';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be disabled (private mode); the default language still works.
    return 'vi';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered across visits, but the switch itself still applies.
      document.documentElement.dataset.languageNotStored = 'true';
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = catalogues[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}
