// A partner's agreement on its page: what it agreed its details may be used for (named in the
// emergency plan, contacted out of hours, shown publicly), when that was last confirmed and who
// recorded it. Admins record a new confirmation here; saved through the outbox, so it works offline.
import { useState, type FormEvent } from 'react';
import { agreedUses, type Partner, type PartnerAgreement } from '../../../domain/entities/partner.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import { useCanEditDirectory, useSessionUser } from '../../useSessionUser.ts';
import { notSavedMessage } from '../../store/storageFull.ts';
import { Announced } from '../../components/Announced.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';

const USES: { key: 'emergencyPlan' | 'outOfHours' | 'shownPublicly'; label: string }[] = [
  { key: 'emergencyPlan', label: 'Listed in the emergency plan' },
  { key: 'outOfHours', label: 'Contacted out of hours' },
  { key: 'shownPublicly', label: 'Shown in the public directory' },
];

function AgreementForm({ partner, recordedBy }: { partner: Partner; recordedBy: string }) {
  const uses = agreedUses(partner);
  const [choice, setChoice] = useState({
    emergencyPlan: uses.emergencyPlan,
    outOfHours: uses.outOfHours,
    shownPublicly: uses.shownPublicly,
  });
  const [date, setDate] = useState(ukToday(new Date()));
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const agreement: PartnerAgreement = { date, recordedBy, ...choice };
    try {
      await saveRecord(localDatabase, 'partner', {
        id: partner.id,
        agreement,
        // the older fields follow, so exports and older devices read the same
        listedPublicly: choice.shownPublicly,
        emergencyPlan: choice.emergencyPlan
          ? { agreed: true, date: partner.emergencyPlan.date ?? date }
          : { agreed: false, date: null },
        updatedAt: new Date().toISOString(),
      });
      setFailure(null);
      setMessage('Agreement recorded on this device; it syncs when there is a connection.');
    } catch (error) {
      setMessage(null);
      setFailure(notSavedMessage(error, 'The agreement'));
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="Record the partner's agreement">
      <fieldset>
        <legend>They agreed to be</legend>
        {USES.map((use) => (
          <label key={use.key} className="inline">
            <input
              type="checkbox"
              checked={choice[use.key]}
              onChange={(event) => setChoice({ ...choice, [use.key]: event.target.checked })}
            />{' '}
            {use.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor="agreement-date">Confirmed on</label>
      <input id="agreement-date" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      <button type="submit" className="secondary" disabled={date === ''}>
        Record agreement
      </button>
      <Announced>{message && <p>{message}</p>}</Announced>
      <FormProblem message={failure} />
    </form>
  );
}

export function AgreementSection({ partner }: { partner: Partner }) {
  const canEdit = useCanEditDirectory();
  const user = useSessionUser();
  const uses = agreedUses(partner);
  const agreedTo = USES.filter((use) => uses[use.key]).map((use) => use.label.toLowerCase());
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Agreement</h2>
      <p>
        {agreedTo.length > 0 ? `Agreed to be: ${agreedTo.join('; ')}.` : 'No use agreed.'}{' '}
        {uses.confirmed ? `Last confirmed ${uses.confirmed}` : 'Never confirmed'}
        {partner.agreement ? (
          <>
            , recorded by <bdi>{partner.agreement.recordedBy}</bdi>.
          </>
        ) : (
          '.'
        )}
      </p>
      {canEdit && user && <AgreementForm partner={partner} recordedBy={user.displayName} />}
    </section>
  );
}
