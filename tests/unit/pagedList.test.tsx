// Lists of records that grow without bound show a page at a time: the shared list renders the first
// page and a "Show more" button, and every screen listing such records uses it (requests, stale
// details, incidents, sync issues, the rows of an import preview), so a long incident never lays out thousands of cards at once.
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LIST_PAGE, PagedList } from '../../src/app/components/PagedList.tsx';
import { FoldedPreviewList, PreviewList } from '../../src/app/components/PreviewList.tsx';

const many = Array.from({ length: 1000 }, (_, index) => `Request ${index}`);

describe('a paged list', () => {
  it('shows the first page and offers the rest', () => {
    const html = renderToStaticMarkup(
      <PagedList items={many} label="Requests" render={(item) => <li key={item}>{item}</li>} />,
    );
    expect(html.match(/<li>/g)).toHaveLength(LIST_PAGE);
    expect(html).toContain(`Show ${LIST_PAGE} more of ${1000 - LIST_PAGE}`);
  });

  it('shows the latest page of a list read oldest first (a timeline), offering the earlier ones above', () => {
    const html = renderToStaticMarkup(
      <PagedList
        items={many}
        label="Timeline"
        ordered
        showLatest
        render={(item) => <li key={item}>{item}</li>}
      />,
    );
    expect(html.match(/<li>/g)).toHaveLength(LIST_PAGE);
    expect(html).toContain('Request 999');
    expect(html).toContain(`Request ${1000 - LIST_PAGE}<`);
    expect(html).not.toContain(`Request ${999 - LIST_PAGE}<`);
    expect(html.indexOf(`Show ${LIST_PAGE} earlier of ${1000 - LIST_PAGE}`)).toBeLessThan(
      html.indexOf('<ol'),
    );
  });

  it('shows a short list whole, with no button', () => {
    const html = renderToStaticMarkup(
      <PagedList items={many.slice(0, 3)} label="Requests" render={(item) => <li key={item}>{item}</li>} />,
    );
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).not.toContain('<button');
  });

  it('is how an import preview lists the rows of a file (a CSV of 50 000 bad rows, an Open Referral feed)', () => {
    const rows = many.map((name, line) => ({ name, line }));
    const shown = renderToStaticMarkup(
      <PreviewList label="Rows with problems" rows={rows} keyOf={(row) => row.line}>
        {(row) => row.name}
      </PreviewList>,
    );
    expect(shown.match(/<li>/g)).toHaveLength(LIST_PAGE);
    expect(shown).toContain(`Show ${LIST_PAGE} more of ${1000 - LIST_PAGE}`);
    const folded = renderToStaticMarkup(
      <FoldedPreviewList summary="Already up to date" rows={rows} keyOf={(row) => row.line}>
        {(row) => row.name}
      </FoldedPreviewList>,
    );
    expect(folded.match(/<li>/g)).toHaveLength(LIST_PAGE);
    expect(folded).toContain('(1000)');
  });

  it.each([
    'src/app/features/requests/RequestsScreen.tsx',
    'src/app/features/requests/IncidentsScreen.tsx',
    'src/app/features/requests/SyncIssuesScreen.tsx',
    'src/app/features/directory/StaleScreen.tsx',
    'src/app/features/people/PeopleScreen.tsx',
    'src/app/features/requests/RequestTimeline.tsx',
  ])('is how %s lists its records', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('<PagedList');
    expect(source).not.toMatch(/<ul className="card-list"/);
  });
});
