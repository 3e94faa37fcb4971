// Text as it is matched for "the same" (a CSV cell against a ward's name, a repeated partner in an
// import, an Open Referral term): case, spacing, punctuation and how an accent is encoded ignored,
// letters and digits of every script kept. Each matcher kept only a-z and 0-9 before, so "食物银行"
// and "住所支援" (and "Zoë" and "Zoé") were one name, and the second taken for a repeat of the first.

/** Lower-case words of letters, marks and digits, one space between them. */
export const matchWords = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();

/** The same, without the spaces: "Food-Bank" and "food bank" alike. */
export const matchKey = (text: string): string => matchWords(text).replaceAll(' ', '');
