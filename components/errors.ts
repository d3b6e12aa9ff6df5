import { hasLabel, type Translate } from '../lib/i18n';

/** A caught value as the one line the UI shows ("审核失败：{error}"). */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)) || 'unknown error';

/** An error that crossed a message boundary as a catalog key (the gate carries no catalog), in words. */
export const errorWords = (text: string, tr: Translate): string => (hasLabel(text) ? tr(text) : text);
