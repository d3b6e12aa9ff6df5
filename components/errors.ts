/** A caught value as the one line the UI shows ("审核失败：{error}"). */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)) || 'unknown error';
