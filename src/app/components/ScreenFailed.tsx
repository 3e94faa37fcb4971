// Catches a screen that fails to draw, most often because its code was never saved on this device and
// there is no signal to fetch it (a first visit cut off before the service worker finished). Without it
// React would unmount the whole app and leave a blank page: the tab bar, the sync status and every other
// screen would go too. With it only this screen says what happened and offers to try again.
import { Component, type ReactNode } from 'react';
import { Link } from '../router.tsx';

interface Props {
  children: ReactNode;
  /** Called before drawing the screen again (lets failed code fetches start afresh). */
  onRetry: () => void;
}

interface State {
  failure: Error | null;
}

/** A dynamic import that could not fetch its file (the wording differs between browsers). */
function isMissingCode(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch/i.test(
    error.message,
  );
}

export class ScreenFailed extends Component<Props, State> {
  override state: State = { failure: null };

  static getDerivedStateFromError(failure: Error): State {
    return { failure };
  }

  override render() {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    return (
      <>
        <h1 tabIndex={-1}>This screen could not open</h1>
        <p role="alert">
          {isMissingCode(failure) || offline
            ? 'This screen has not been saved on this device yet, and it could not be fetched now. Screens you have opened before still work offline; this one will open once there is a signal.'
            : `Something went wrong while drawing this screen: ${failure.message}`}
        </p>
        <p>
          <button
            type="button"
            onClick={() => {
              this.props.onRetry();
              this.setState({ failure: null });
            }}
          >
            Try again
          </button>{' '}
          <Link to="/find">Find help</Link>
        </p>
      </>
    );
  }
}
