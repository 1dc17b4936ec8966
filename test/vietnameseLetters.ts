/** A letter that English text never has but Vietnamese does: a vowel with a tone or a shape mark, or đ. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/**
 * Whether `text` has a Vietnamese letter outside what an English sentence may quote as data: text in double quotes
 * (a province name, a value from the file) and regulation codes such as 57-QĐ/TW.
 */
export function hasVietnameseProse(text: string): boolean {
  return VIETNAMESE_LETTER.test(text.replace(/"[^"]*"/g, '').replace(/\d+-QĐ\/TW/g, ''));
}

/** Whether `text` has any Vietnamese letter at all. */
export function hasVietnameseLetter(text: string): boolean {
  return VIETNAMESE_LETTER.test(text);
}
