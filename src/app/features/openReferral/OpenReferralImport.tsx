// Import from Open Referral UK (admins): one or more JSON files (a page of /services, or a full service
// per file) or a feed the server fetches from its URL. As with the CSV import, the feed is checked
// and previewed on this device and nothing is written until the person chooses to import; then the
// partners are saved with their outbox entries in one transaction and reach the server at the next sync.
import { useCallback, useEffect, useRef, useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecords } from '../../store/mutate.ts';
import { useOnline } from '../../useOnline.ts';
import { formContext } from '../directory/useEditForm.ts';
import { servicesInFeed } from '../../../domain/openReferral/feedFile.ts';
import {
  orukGoodRecords,
  previewOrukImport,
  type OrukImportPreview,
} from '../../../domain/openReferral/importPreview.ts';
import { withTermMappings, type TermMapping } from '../../../domain/openReferral/termMapping.ts';
import { fetchFeedFromUrl, loadTermMappings, saveTermMappings } from './orukClient.ts';
import { OrukPreview } from './OrukPreview.tsx';
import { TermMappingEditor } from './TermMappingEditor.tsx';
import { OrukDownload } from './OrukDownload.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';

interface Source {
  label: string;
  services: unknown[];
  /** Files that held no services, each with the reason. */
  fileErrors: string[];
}

async function readFiles(files: readonly File[]): Promise<Source> {
  const services: unknown[] = [];
  const fileErrors: string[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      fileErrors.push(`${file.name}: this is not a JSON file.`);
      continue;
    }
    const read = servicesInFeed(json);
    if (read.ok) services.push(...read.services);
    else fileErrors.push(`${file.name}: ${read.error}`);
  }
  const label = files.length === 1 ? (files[0]?.name ?? 'the file') : `${files.length} files`;
  return { label, services, fileErrors };
}

async function previewOf(
  source: Source,
  mappings: readonly TermMapping[],
  phones: Record<string, string>,
): Promise<OrukImportPreview> {
  const [partners, wards, parishes] = await Promise.all([
    localDatabase.partners.toArray(),
    localDatabase.wards.toArray(),
    localDatabase.parishes.toArray(),
  ]);
  const { today, now, newId } = formContext({ wards, parishes });
  return previewOrukImport(source.services, partners, {
    wards,
    parishes,
    termMappings: mappings,
    phones,
    today,
    now,
    newId,
  });
}

export function OpenReferralImport() {
  const online = useOnline();
  const [source, setSource] = useState<Source | null>(null);
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [mappings, setMappings] = useState<TermMapping[] | null>(null);
  const [preview, setPreview] = useState<OrukImportPreview | null>(null);
  const [url, setUrl] = useState('');
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // The admins' term mappings, when the server can be reached; the default mapping otherwise.
  useEffect(() => {
    if (!online || mappings !== null) return;
    loadTermMappings().then(setMappings, () => undefined);
  }, [online, mappings]);

  useEffect(() => {
    if (!source) return;
    let current = true;
    previewOf(source, mappings ?? [], phones).then(
      (next) => current && setPreview(next),
      () => current && setError('Could not read the directory on this device to compare the feed with.'),
    );
    return () => {
      current = false;
    };
  }, [source, mappings, phones]);

  const start = useCallback((next: Source | null, note: string | null = null) => {
    setSource(next);
    setPreview(null);
    setPhones({});
    setError(null);
    setMessage(note);
  }, []);

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return start(null);
    setWorking('Reading the file…');
    try {
      start(await readFiles([...files]));
    } finally {
      setWorking(null);
    }
  };

  const onFetch = async () => {
    setWorking('Fetching the feed…');
    setError(null);
    try {
      const answer = await fetchFeedFromUrl(url.trim());
      const read = servicesInFeed(answer.services);
      start({
        label: answer.url,
        services: read.ok ? read.services : [],
        fileErrors: [
          ...(read.ok ? [] : [read.error]),
          ...(answer.repeatedPage !== null
            ? [
                `Page ${answer.repeatedPage} of the feed repeated services already read, so reading stopped there: ` +
                  `${answer.pages} ${answer.pages === 1 ? 'page was' : 'pages were'} read. The feed may not page properly.`,
              ]
            : answer.truncated
              ? [`Only the first ${answer.pages} pages were read: the feed has more.`]
              : []),
        ],
      });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setWorking(null);
    }
  };

  const onSaveTerms = async (chosen: TermMapping[]) => {
    try {
      setMappings(await saveTermMappings(withTermMappings(mappings ?? [], chosen)));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const importGood = async () => {
    if (!preview || !source) return;
    setWorking('Saving…');
    try {
      const count = await saveRecords(localDatabase, 'partner', orukGoodRecords(preview));
      if (fileInput.current) fileInput.current.value = '';
      start(
        null,
        `Imported ${count} partner${count === 1 ? '' : 's'} from ${source.label}: ${preview.creates.length} new, ` +
          `${preview.updates.length} updated. They are saved on this device and reach the server at the next sync.`,
      );
    } catch (failure) {
      setError(notSavedMessage(failure, 'The partners', 'nothing was imported'));
    } finally {
      setWorking(null);
    }
  };

  const good = preview ? preview.creates.length + preview.updates.length : 0;
  return (
    <section aria-labelledby="oruk-heading">
      <h2 id="oruk-heading">Open Referral UK</h2>
      <p>
        Bring in partners from a directory published as Open Referral UK 3.0: a JSON file (a page of{' '}
        <code>/services</code>, or one full service per file), or the feed’s address.
      </p>
      <label htmlFor="oruk-file">Open Referral JSON files to import</label>
      <input
        id="oruk-file"
        ref={fileInput}
        type="file"
        multiple
        accept=".json,application/json"
        onChange={(event) => void onFiles(event.target.files)}
      />
      <form
        className="oruk-url"
        onSubmit={(event) => {
          event.preventDefault();
          void onFetch();
        }}
      >
        <label htmlFor="oruk-url">Or the feed’s address</label>
        <input
          id="oruk-url"
          type="url"
          inputMode="url"
          placeholder="https://directory.example.org/api/"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-describedby="oruk-url-hint"
        />
        <p className="hint" id="oruk-url-hint">
          {online
            ? 'The server fetches it (every page of /services, up to a limit) and shows it here first.'
            : 'Fetching a feed needs a network connection; files can be imported offline.'}
        </p>
        <BusyButton type="submit" busy={working !== null} disabled={!online || url.trim() === ''}>
          Fetch and preview
        </BusyButton>
      </form>
      {!online || mappings !== null ? null : (
        <p className="hint">Loading the taxonomy terms admins have mapped…</p>
      )}
      <div aria-live="polite">
        {working && <p>{working}</p>}
        {message && <p className="banner success">{message}</p>}
      </div>
      <FormProblem message={error} />
      {source && (
        <div className="import-result">
          {source.fileErrors.map((fileError) => (
            <FormProblem key={fileError} message={fileError} />
          ))}
          {source.services.length === 0 && source.fileErrors.length === 0 && (
            <p className="banner warning">{source.label} holds no services.</p>
          )}
          {preview && source.services.length > 0 && (
            <>
              <OrukPreview preview={preview} onPhones={(typed) => setPhones({ ...phones, ...typed })} />
              <TermMappingEditor terms={preview.unmappedTerms} online={online} onSave={onSaveTerms} />
            </>
          )}
          <div className="form-actions">
            {good > 0 && (
              <BusyButton type="button" onClick={() => void importGood()} busy={working !== null}>
                Import the {good} partner{good === 1 ? '' : 's'}
              </BusyButton>
            )}
            <button type="button" className="secondary" onClick={() => start(null, 'Nothing was imported.')}>
              Import nothing
            </button>
          </div>
        </div>
      )}
      <h3>Publish</h3>
      <OrukDownload />
    </section>
  );
}
