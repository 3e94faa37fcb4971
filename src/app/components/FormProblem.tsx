// Why a form could not do what was asked, in plain words, read out as soon as it appears. One
// component so every form words and announces its failures the same way. A name in the message is
// marked isolated where it is made (see Sentence).
import { Sentence } from './Sentence.tsx';

export function FormProblem({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      <Sentence text={message} />
    </p>
  ) : null;
}
