// Why a form could not do what was asked, in plain words, read out as soon as it appears. One
// component so every form words and announces its failures the same way.
export function FormProblem({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
