// A sentence that may hold text people typed (a name, a note): each part marked as isolated in the
// domain (domain/words/isolated.ts) is drawn as a <bdi>, so an Arabic or Hebrew name keeps the
// punctuation and numbers around it in order, and no invisible mark reaches the page. One span, so in
// a flex box (a card's line, a button) the sentence is one item and keeps its spaces.
import { isolatedParts } from '../../domain/words/isolated.ts';

export function Sentence({ text }: { text: string }) {
  return (
    <span>
      {isolatedParts(text).map((part, index) =>
        part.isolated ? <bdi key={index}>{part.text}</bdi> : part.text,
      )}
    </span>
  );
}
