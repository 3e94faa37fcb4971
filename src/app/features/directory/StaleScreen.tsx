// Stale details: every partner and contact not verified within the chosen number of days, oldest
// first, with the number to tap — the office's chase list for the quarterly review. The number of
// days is chosen here and remembered on this device.
import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import {
  DEFAULT_STALE_DAYS,
  MAX_STALE_DAYS,
  MIN_STALE_DAYS,
  staleList,
  ukToday,
  verifiedWords,
} from '../../../domain/directory/stale.ts';
import { telHref } from '../../../domain/entities/common.ts';
import { Link } from '../../router.tsx';
import { setStaleDays, useStaleDays } from './staleDays.ts';
import { useCanEditDirectory } from '../../useSessionUser.ts';
import { VerifyButton } from './VerifyButton.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { Sentence } from '../../components/Sentence.tsx';
import { isolated } from '../../../domain/words/isolated.ts';

function DaysInput() {
  const days = useStaleDays();
  const [text, setText] = useState(String(days));
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const onChange = (value: string) => {
    setText(value);
    const number = Number(value);
    if (
      value.trim() !== '' &&
      Number.isInteger(number) &&
      number >= MIN_STALE_DAYS &&
      number <= MAX_STALE_DAYS
    ) {
      setError(null);
      setStaleDays(number);
    } else {
      setError(`Enter a whole number of days from ${MIN_STALE_DAYS} to ${MAX_STALE_DAYS}.`);
    }
  };
  return (
    <div className={`field days-field${error ? ' has-error' : ''}`}>
      <label htmlFor="stale-days">Flag details as stale after this many days</label>
      <p className="hint" id={hintId}>
        {DEFAULT_STALE_DAYS} days is the quarterly review. Your choice is remembered on this device only, and
        the stale flags across the app follow it.
      </p>
      {error && (
        <p className="field-error" id="stale-days-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <input
        id="stale-days"
        type="number"
        inputMode="numeric"
        min={MIN_STALE_DAYS}
        max={MAX_STALE_DAYS}
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} stale-days-error` : hintId}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export function StaleScreen() {
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const contacts = useLiveQuery(() => localDatabase.contacts.toArray());
  const days = useStaleDays();
  const canEdit = useCanEditDirectory();
  const today = ukToday(new Date());
  const items = useMemo(
    () => (partners && contacts ? staleList(partners, contacts, today, days) : undefined),
    [partners, contacts, today, days],
  );

  return (
    <>
      <h1 tabIndex={-1}>Stale details</h1>
      <p>
        Partners and contacts whose details nobody has confirmed lately, oldest first. Call, check, and mark
        them verified.
        {canEdit && (
          <>
            {' '}
            Each quarter, check the whole directory in a <Link to="/review">review round</Link>.
          </>
        )}
      </p>
      <DaysInput />
      {items === undefined ? (
        <p role="status">Loading the directory…</p>
      ) : partners?.length === 0 && contacts?.length === 0 ? (
        <p className="empty">Nothing in the directory on this device yet. Connect once to download it.</p>
      ) : items.length === 0 ? (
        <p className="empty" aria-live="polite">
          Nothing is stale: everything was verified within the last {days} days.
        </p>
      ) : (
        <>
          <p className="count" aria-live="polite">
            {items.length} to chase: not verified within {days} days.
          </p>
          <PagedList
            items={items}
            label="Stale details"
            render={(item) => {
              const phone = item.type === 'partner' ? item.record.phone : item.record.phones.main;
              const href =
                item.type === 'partner' ? `/partners/${item.record.id}` : `/contacts/${item.record.id}`;
              const of =
                item.type === 'partner'
                  ? 'Partner'
                  : `Contact${item.record.organisation ? `, ${isolated(item.record.organisation)}` : ''}`;
              return (
                <li key={`${item.type}:${item.record.id}`} className="card">
                  <Link to={href} className="card-title">
                    <bdi>{item.record.name}</bdi>
                  </Link>
                  <span className="card-meta">
                    <span className="type-label">
                      <Sentence text={of} />
                    </span>
                    Last verified {item.record.lastVerified} ({verifiedWords(item.record.lastVerified, today)}
                    )
                  </span>
                  <a className="card-call" href={telHref(phone)}>
                    <span>
                      Call <bdi>{item.record.name}</bdi>: {phone}
                    </span>
                  </a>
                  {canEdit && (
                    <VerifyButton
                      entity={item.type}
                      id={item.record.id}
                      lastVerified={item.record.lastVerified}
                      name={item.record.name}
                    />
                  )}
                </li>
              );
            }}
          />
        </>
      )}
    </>
  );
}
