/** Inline SVG icons (no icon font, no emoji font needed). Decorative: the words carry the meaning. */
import type { ReactNode, SVGProps } from 'react';

function Svg({ children, ...rest }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 48 48"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={3.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const BackIcon = () => (
  <Svg>
    <path d="M30 10 16 24l14 14" />
  </Svg>
);

export const ChevronIcon = () => (
  <Svg>
    <path d="m18 10 14 14-14 14" />
  </Svg>
);

export const SearchIcon = () => (
  <Svg>
    <circle cx="21" cy="21" r="12" />
    <path d="m30 30 10 10" />
  </Svg>
);

export const GlobeIcon = () => (
  <Svg>
    <circle cx="24" cy="24" r="17" />
    <path d="M7 24h34M24 7c-6 5-8 11-8 17s2 12 8 17c6-5 8-11 8-17s-2-12-8-17Z" />
  </Svg>
);

export const CalendarIcon = () => (
  <Svg>
    <rect x="7" y="10" width="34" height="31" rx="3" />
    <path d="M7 19h34M16 6v8M32 6v8M15 27h4M22 27h4M29 27h4M15 34h4M22 34h4" />
  </Svg>
);

export const TicketIcon = () => (
  <Svg>
    <path d="M6 14h36v6a4 4 0 0 0 0 8v6H6v-6a4 4 0 0 0 0-8Z" />
    <path d="M30 15v18" strokeDasharray="3 4" />
  </Svg>
);

export const ClockIcon = () => (
  <Svg>
    <circle cx="24" cy="24" r="17" />
    <path d="M24 13v11l7 5" />
  </Svg>
);

export const PeopleIcon = () => (
  <Svg>
    <circle cx="17" cy="15" r="6" />
    <circle cx="33" cy="17" r="5" />
    <path d="M5 40c0-8 5-13 12-13s12 5 12 13M29 27c7 0 14 3 14 12" />
  </Svg>
);

export const PhoneIcon = () => (
  <Svg>
    <rect x="13" y="4" width="22" height="40" rx="4" />
    <path d="M21 38h6" />
  </Svg>
);

export const WheelchairIcon = () => (
  <Svg>
    <circle cx="19" cy="7" r="4" fill="currentColor" />
    <path d="M19 14v13h12l5 11" />
    <path d="M19 20h10" />
    <path d="M13 22a11 11 0 1 0 17 11" />
  </Svg>
);

export const PregnantIcon = () => (
  <Svg>
    <circle cx="22" cy="7" r="4" fill="currentColor" />
    <path d="M20 14v15" />
    <path d="M21 15c4 2 5 4 5 6 5 1 7 5 4 8-2 1-5 1-8 0" />
    <path d="M20 29l-2 14M24 29l1 14" />
    <path d="M20 18l-5 8" />
  </Svg>
);

export const ElderlyIcon = () => (
  <Svg>
    <circle cx="19" cy="7" r="4" fill="currentColor" />
    <path d="M18 14c-2 5-1 9 1 14" />
    <path d="M19 28l-5 15M19 28l5 15" />
    <path d="M18 17l8 8" />
    <path d="M26 25v18M26 25c0-3 5-3 5 0" />
  </Svg>
);

export const CheckIcon = () => (
  <Svg>
    <path d="m10 25 9 9 19-20" />
  </Svg>
);

export const AlertIcon = () => (
  <Svg>
    <path d="M24 6 43 40H5Z" />
    <path d="M24 19v10M24 34v1" />
  </Svg>
);

export const HourglassIcon = () => (
  <Svg>
    <path d="M13 6h22M13 42h22M15 6c0 10 9 12 9 18s-9 8-9 18M33 6c0 10-9 12-9 18s9 8 9 18" />
  </Svg>
);

export const BackspaceIcon = () => (
  <Svg>
    <path d="M17 10h24v28H17L5 24Z" />
    <path d="m23 18 12 12M35 18 23 30" />
  </Svg>
);
