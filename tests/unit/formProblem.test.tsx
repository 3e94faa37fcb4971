// A form's failure is shown one way everywhere: in plain words, announced as an alert. Screens use the
// shared FormProblem rather than each writing its own alert paragraph (25 did), so a change to how
// failures are announced reaches every form.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormProblem } from '../../src/app/components/FormProblem.tsx';

function appFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? appFiles(join(dir, entry.name))
      : entry.name.endsWith('.tsx')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('a form problem', () => {
  it('is announced as an alert, and is nothing when there is no problem', () => {
    expect(renderToStaticMarkup(<FormProblem message="Could not save on this device." />)).toBe(
      // One span: a sentence drawn whole, so a name marked in it keeps the spaces beside it (Sentence).
      '<p class="form-error" role="alert"><span>Could not save on this device.</span></p>',
    );
    expect(renderToStaticMarkup(<FormProblem message={null} />)).toBe('');
    expect(renderToStaticMarkup(<FormProblem message="" />)).toBe('');
  });

  it('is written by FormProblem alone', () => {
    const writers = appFiles('src/app').filter(
      (file) =>
        !file.endsWith('FormProblem.tsx') &&
        // (A field's own error, tied to it by an id, is the field's business, not a form problem.)
        /<p (key=\{[^}]*\} )?className="form-error" role="alert">/.test(readFileSync(file, 'utf8')),
    );
    expect(writers).toEqual([]);
  });
});
