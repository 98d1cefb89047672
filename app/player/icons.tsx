// Media-control icons drawn as SVG, so they look the same whatever fonts the projector PC has.
const common = { width: 20, height: 20, viewBox: '0 0 20 20', 'aria-hidden': true, focusable: false } as const;

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M5 3.5v13l11-6.5z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="4.5" y="3.5" width="4" height="13" rx="1" fill="currentColor" />
      <rect x="11.5" y="3.5" width="4" height="13" rx="1" fill="currentColor" />
    </svg>
  );
}

export function StepForwardIcon() {
  return (
    <svg {...common}>
      <path d="M4 4v12l8.5-6z" fill="currentColor" />
      <rect x="13.5" y="4" width="2.5" height="12" rx="1" fill="currentColor" />
    </svg>
  );
}

export function StepBackIcon() {
  return (
    <svg {...common}>
      <path d="M16 4v12l-8.5-6z" fill="currentColor" />
      <rect x="4" y="4" width="2.5" height="12" rx="1" fill="currentColor" />
    </svg>
  );
}

export function ResetIcon() {
  return (
    <svg {...common}>
      <rect x="3" y="4" width="2.5" height="12" rx="1" fill="currentColor" />
      <path d="M11 4v12l-5-6z M17 4v12l-5-6z" fill="currentColor" />
    </svg>
  );
}

export function EndIcon() {
  return (
    <svg {...common}>
      <path d="M3 4v12l5-6z M9 4v12l5-6z" fill="currentColor" />
      <rect x="14.5" y="4" width="2.5" height="12" rx="1" fill="currentColor" />
    </svg>
  );
}
