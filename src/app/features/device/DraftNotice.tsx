// "We kept what you typed": shown above a form whose draft was given back after a reload or a crash.
export function DraftNotice({ draft }: { draft: { restored: string[]; startAgain: () => void } }) {
  if (draft.restored.length === 0) return null;
  return (
    <div className="banner draft-notice" role="status">
      <p>What you typed before was kept on this device and is filled in again.</p>
      <button type="button" className="secondary" onClick={() => draft.startAgain()}>
        Start again
      </button>
    </div>
  );
}
