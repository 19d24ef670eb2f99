/**
 * The user-story sentence at the start of a description — "As a returning shopper, I want to pay
 * with Apple Pay so that I don't type my card details" — into the story's As a / I want / So that
 * fields. Only when the first paragraph is that sentence (Connextra form); it is then removed from
 * the description, which keeps the rest.
 */

export interface UserStoryParts {
  asA: string;
  iWant: string;
  soThat: string;
  /** The description without the sentence. */
  description: string;
}

const SENTENCE = /^(?:as an?|as the)\s+(.+?)\s*,?\s+i\s+(?:want|need|would like|'d like|’d like)\s+(.+?)(?:\s*,?\s+so that\s+(.+?))?\s*[.!]?$/i;

/** Markup around the sentence's keywords ("*As a* …", "**I want** …") removed. */
function plain(text: string): string {
  return text.replace(/[*_]{1,2}(as an?|as the|i want|so that)[*_]{1,2}/gi, '$1').replace(/\s+/g, ' ').trim();
}

export function extractUserStory(description: string): UserStoryParts | null {
  const trimmed = description.trim();
  const [first = '', ...rest] = trimmed.split(/\n\s*\n/);
  if (first.length > 1000) return null;
  const m = SENTENCE.exec(plain(first));
  if (!m?.[1] || !m[2]) return null;
  return { asA: m[1].trim(), iWant: m[2].trim(), soThat: (m[3] ?? '').trim(), description: rest.join('\n\n').trim() };
}
