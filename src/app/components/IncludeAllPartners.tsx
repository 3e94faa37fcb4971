// The switch between strategic partners only (the default: those named in the emergency plan) and
// every partner, on the Find help screen and when assigning partners to a request.
export function IncludeAllPartners({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="inline">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Include partners not named in the emergency plan
    </label>
  );
}
