// Tap-to-call links for a partner or contact: the main number and, where there is one, the out of
// hours number. In a list of several partners the link names whose number it is; on a page about one
// partner or contact the heading already says so, and the links say only what they dial.
import { telHref } from '../../domain/entities/common.ts';

export function CallButtons({
  phone,
  outOfHoursPhone,
  name,
}: {
  phone: string;
  outOfHoursPhone: string | null;
  /** Whose number, for a card among others; left out on the partner's or contact's own page. */
  name?: string;
}) {
  return (
    <div className="call-buttons">
      <a className="call" href={telHref(phone)}>
        {name === undefined ? (
          `Call ${phone}`
        ) : (
          <span>
            Call <bdi>{name}</bdi>: {phone}
          </span>
        )}
      </a>
      {outOfHoursPhone && (
        <a className="call secondary" href={telHref(outOfHoursPhone)}>
          {name === undefined ? `Call out of hours ${outOfHoursPhone}` : `Out of hours: ${outOfHoursPhone}`}
        </a>
      )}
    </div>
  );
}
