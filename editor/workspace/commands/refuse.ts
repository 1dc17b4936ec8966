/** A command's refusal with its reason in both languages. */
export const refuse = (vi: string, en: string) => ({ refused: { vi, en } });
